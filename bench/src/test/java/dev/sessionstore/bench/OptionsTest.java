package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults_measureThreeRunsAtOneAndSixteenThreadsOfEveryStore() {
        Options o = Options.parse(List.of());
        assertThat(o.threads()).containsExactly(1, 16);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.stores()).isEqualTo(Options.ALL_STORES);
        assertThat(o.memorySessions()).isEqualTo(100_000);
        assertThat(o.quick()).isFalse();
    }

    @Test
    void quick_shrinksRunsAndDurations() {
        Options o = Options.parse(List.of("--quick"));
        assertThat(o.runs()).isEqualTo(1);
        assertThat(o.phase()).isLessThan(Duration.ofSeconds(1));
        assertThat(o.quick()).isTrue();
    }

    @Test
    void parse_readsThreadsRunsStoresAndUrls() {
        Options o = Options.parse(List.of(
                "--threads",
                "2,8",
                "--runs",
                "5",
                "--stores",
                "redis-store,spring-simple",
                "--redis-url",
                "redis://127.0.0.1:7000",
                "--phase-ms",
                "1500"));
        assertThat(o.threads()).containsExactly(2, 8);
        assertThat(o.runs()).isEqualTo(5);
        assertThat(o.stores()).containsExactly("redis-store", "spring-simple");
        assertThat(o.redisUrl()).contains("redis://127.0.0.1:7000");
        assertThat(o.phase()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void parse_unknownStore_namesTheStore() {
        assertThatThrownBy(() -> Options.parse(List.of("--stores", "mongo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mongo");
    }

    @Test
    void parse_nonPositiveRuns_namesTheOptionAndValue() {
        assertThatThrownBy(() -> Options.parse(List.of("--runs", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--runs")
                .hasMessageContaining("0");
    }

    @Test
    void parse_optionWithoutValue_isRefused() {
        assertThatThrownBy(() -> Options.parse(List.of("--runs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--runs needs a value");
    }

    @Test
    void parse_unknownOption_isRefused() {
        assertThatThrownBy(() -> Options.parse(List.of("--fast", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fast");
    }

    @Test
    void jmhSeconds_setsWarmupAndMeasurementIterationTimes() {
        Options o = Options.parse(List.of("--jmh-seconds", "2,4"));
        assertThat(o.jmhArgs()).isEqualTo(new Options.JmhSettings(1, 2, 2, 3, 4));
    }

    @Test
    void jmhSeconds_needsTwoValues() {
        assertThatThrownBy(() -> Options.parse(List.of("--jmh-seconds", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--jmh-seconds");
    }
}
