package dev.sessionstore.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionTest {
    private static ZonedDateTime utc(String t) {
        return ZonedDateTime.parse(t + "Z");
    }

    private static String next(String cron, String after) {
        return CronExpression.parse(cron)
                .nextAfter(utc(after))
                .orElseThrow()
                .toLocalDateTime()
                .toString();
    }

    @ParameterizedTest(name = "{0} after {1} is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "* * * * * | 2030-01-01T10:15:30 | 2030-01-01T10:16",
                "* * * * * | 2030-01-01T10:15 | 2030-01-01T10:16",
                "*/15 * * * * | 2030-01-01T10:15 | 2030-01-01T10:30",
                "0 * * * * | 2030-01-01T10:59 | 2030-01-01T11:00",
                "30 2 * * * | 2030-01-01T02:30 | 2030-01-02T02:30",
                "0 0 1 * * | 2030-01-15T00:00 | 2030-02-01T00:00",
                "0 0 29 2 * | 2030-01-01T00:00 | 2032-02-29T00:00",
                "0 0 31 * * | 2030-04-01T00:00 | 2030-05-31T00:00",
                "0 9 * * MON-FRI | 2030-01-04T09:00 | 2030-01-07T09:00",
                "0 9 * * 1-5 | 2030-01-05T12:00 | 2030-01-07T09:00",
                "0 0 * * 0 | 2030-01-01T00:00 | 2030-01-06T00:00",
                "0 0 * * 7 | 2030-01-01T00:00 | 2030-01-06T00:00",
                "0 0 * * SUN | 2030-01-01T00:00 | 2030-01-06T00:00",
                "0 0 13 * FRI | 2030-01-01T00:00 | 2030-01-04T00:00",
                "5-10/2 * * * * | 2030-01-01T00:06 | 2030-01-01T00:07",
                "5-10/2 * * * * | 2030-01-01T00:09 | 2030-01-01T01:05",
                "10/20 * * * * | 2030-01-01T00:31 | 2030-01-01T00:50",
                "1,2,58 * * * * | 2030-01-01T00:02 | 2030-01-01T00:58",
                "0 0 1 JAN,JUL * | 2030-02-01T00:00 | 2030-07-01T00:00",
                "59 23 31 12 * | 2030-01-01T00:00 | 2030-12-31T23:59",
            })
    void nextAfter_isTheFirstMatchingMinuteStrictlyAfter(String cron, String after, String expected) {
        assertThat(next(cron.trim(), after.trim())).isEqualTo(expected.trim());
    }

    @Test
    void nextAfter_keepsTheZone_skipsTimesInTheDstGap() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        var cron = CronExpression.parse("30 2 * * *");
        var next = cron.nextAfter(ZonedDateTime.of(2030, 3, 30, 12, 0, 0, 0, paris))
                .orElseThrow();
        assertThat(next.getZone()).isEqualTo(paris);
        assertThat(next.toLocalDate().toString())
                .as("02:30 does not exist on 2030-03-31")
                .isEqualTo("2030-04-01");
        assertThat(next.toLocalTime().toString()).isEqualTo("02:30");
    }

    @Test
    void everyMinute_yieldsConsecutiveMinutes() {
        var cron = CronExpression.parse("* * * * *");
        List<ZonedDateTime> seen = new ArrayList<>();
        ZonedDateTime t = utc("2030-01-01T00:00");
        for (int i = 0; i < 1500; i++) {
            t = cron.nextAfter(t).orElseThrow();
            seen.add(t);
        }
        assertThat(seen.get(1499)).isEqualTo(utc("2030-01-02T01:00"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "* * * *",
                "* * * * * *",
                "60 * * * *",
                "* 24 * * *",
                "* * 0 * *",
                "* * * 13 *",
                "* * * * 8",
                "5-1 * * * *",
                "*/0 * * * *",
                "a * * * *",
                "1,,2 * * * *",
                "0 0 30 2 *",
                "-1 * * * *"
            })
    void parse_rejectsMalformedOrNeverMatching(String cron) {
        assertThatThrownBy(() -> CronExpression.parse(cron)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_errorNamesTheField() {
        assertThatThrownBy(() -> CronExpression.parse("0 25 * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hour")
                .hasMessageContaining("25");
    }

    @Test
    void equality_followsTheText() {
        assertThat(CronExpression.parse("0 * * * *")).isEqualTo(CronExpression.parse(" 0 * * * * "));
        assertThat(CronExpression.parse("0 * * * *").toString()).isEqualTo("0 * * * *");
    }
}
