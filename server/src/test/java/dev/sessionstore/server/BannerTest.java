package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerTest {
    @Test
    void theBannerAndTheStopLine_areAscii_soAnyLocaleShowsThem() {
        List<String> lines = Banner.lines(
                "http://localhost:8080",
                "in /srv/sessionstore-data/api-key",
                "embedded Redis redis://127.0.0.1:6379 (pid 42, data in /srv/sessionstore-data/redis),"
                        + " persistence: AOF, appendfsync everysec",
                List.of("Redis persistence is none: sessions will NOT survive a Redis restart"));
        assertThat(lines).contains("Press Ctrl-C to stop.").anyMatch(l -> l.startsWith("  WARNING   "));
        assertThat(String.join("\n", lines) + Banner.STOPPING).matches("\\p{ASCII}*");
    }

    @Test
    void aValueTheConsoleCannotShow_isEscaped_notTurnedIntoAQuestionMark() {
        String path = "data in /home/jos\u00e9/sessionstore-data";
        assertThat(Banner.readable(path, StandardCharsets.US_ASCII.newEncoder()))
                .isEqualTo("data in /home/jos\\u00e9/sessionstore-data");
        assertThat(Banner.readable(path, StandardCharsets.UTF_8.newEncoder())).isEqualTo(path);
    }
}
