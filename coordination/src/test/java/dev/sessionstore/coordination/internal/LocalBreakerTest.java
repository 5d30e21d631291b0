package dev.sessionstore.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.internal.BreakerBackend.Batch;
import dev.sessionstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalBreakerTest {
    private static final BreakerConfig CONFIG = BreakerConfig.defaults()
            .withMinimumCalls(4)
            .withWindow(Duration.ofSeconds(10))
            .withOpenDuration(Duration.ofSeconds(5))
            .withHalfOpenProbes(2);
    private static final Batch NOTHING = new Batch(0, 0, 0, 0, false);

    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    private final LocalWindow window = new LocalWindow(clock, CONFIG.window().toMillis());
    private final LocalBreaker breaker = new LocalBreaker(CONFIG, clock, window);

    @Test
    void localFailures_openThenHalfOpenAfterOpenDurationThenCloseOnProbes() {
        for (int i = 0; i < 4; i++) {
            window.add(1, 1);
        }
        breaker.tick(NOTHING);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(breaker.tick(NOTHING)).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.tick(NOTHING)).isEqualTo(2);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        breaker.tick(new Batch(0, 0, 2, 0, false));
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(window.totals()).containsExactly(0, 0);
    }

    @Test
    void window_forgetsCallsOlderThanItsLength() {
        for (int i = 0; i < 4; i++) {
            window.add(1, 1);
        }
        clock.advance(Duration.ofSeconds(11));
        breaker.tick(NOTHING);
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void enter_fromClusterOpen_staysOpenForTheOpenDuration() {
        breaker.enter(BreakerState.FORCED_OPEN);
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(5));
        breaker.tick(NOTHING);
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    }
}
