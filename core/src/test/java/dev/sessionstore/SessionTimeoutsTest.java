package dev.sessionstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {
    private final SessionTimeouts timeouts = SessionTimeouts.defaults();

    @Test
    void absentRequest_takesTheDefault() {
        assertThat(timeouts.idleFor(Optional.empty())).isEqualTo(Duration.ofMinutes(30));
        assertThat(timeouts.absoluteFor(Optional.empty())).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void requests_areBoundedByMinAndMax_namingTheSetting() {
        assertThat(timeouts.idleFor(Optional.of(SessionTimeouts.MIN))).isEqualTo(Duration.ofSeconds(1));
        assertThat(timeouts.absoluteFor(Optional.of(Duration.ofDays(90)))).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> timeouts.idleFor(Optional.of(Duration.ofMillis(999))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(
                        () -> timeouts.idleFor(Optional.of(Duration.ofDays(30).plusMillis(1))))
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> timeouts.absoluteFor(Optional.of(Duration.ofSeconds(-1))))
                .hasMessageContaining("absoluteTimeout");
        assertThatThrownBy(() -> timeouts.absoluteFor(Optional.of(Duration.ofDays(91))))
                .hasMessageContaining("absoluteTimeout");
    }

    @Test
    void requests_areCutToMilliseconds() {
        assertThat(timeouts.idleFor(Optional.of(Duration.ofNanos(1_500_999_999))))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void settings_areValidatedWhenBuilt() {
        assertThatThrownBy(() -> new SessionTimeouts(
                        Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)))
                .hasMessageContaining("defaultIdle");
        assertThatThrownBy(() -> new SessionTimeouts(
                        Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(10)))
                .hasMessageContaining("maxAbsolute");
        assertThatThrownBy(() -> timeouts.withDefaults(Duration.ZERO, Duration.ofHours(1)))
                .hasMessageContaining("defaultIdle");
        assertThatThrownBy(
                        () -> new SessionTimeouts(null, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class);
    }
}
