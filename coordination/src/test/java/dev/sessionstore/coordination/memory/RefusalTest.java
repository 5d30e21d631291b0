package dev.sessionstore.coordination.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.CallNotPermittedException;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LeaseLostException;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Refusals are expected answers on a hot path: they say what was refused and carry no stack trace. */
class RefusalTest {
    private final InMemoryCoordination hub = InMemoryCoordination.create(Clock.systemUTC());

    @Test
    void breakerRefusingACall_throwsWithoutStackTrace() {
        BreakerConfig config = BreakerConfig.defaults().withPublishInterval(Duration.ofMillis(10));
        try (Coordination c = hub.instance("a")) {
            CircuitBreaker breaker = c.breakers().breaker("refusing", config);
            c.breakers().force("refusing", BreakerForce.FORCE_OPEN);
            await().atMost(Duration.ofSeconds(2)).until(() -> breaker.state() == BreakerState.FORCED_OPEN);

            Throwable refusal = catchThrowable(() -> breaker.execute(() -> "never run"));

            assertThat(refusal)
                    .isInstanceOf(CallNotPermittedException.class)
                    .hasMessageContaining("'refusing'")
                    .hasMessageContaining("FORCED_OPEN");
            assertThat(refusal.getStackTrace()).isEmpty();
        }
    }

    @Test
    void lostLeaseCheck_throwsWithoutStackTrace() {
        MutableClock clock = MutableClock.at(Instant.now());
        try (Coordination c = hub.instance("a", clock, SchedulerOptions.defaults())) {
            FencedLease lease = c.locks()
                    .tryAcquire("refused-lock", LockOptions.lease(Duration.ofSeconds(5)))
                    .orElseThrow();
            clock.advance(Duration.ofSeconds(6));

            Throwable refusal = catchThrowable(lease::check);

            assertThat(refusal).isInstanceOf(LeaseLostException.class).hasMessageContaining("'refused-lock'");
            assertThat(refusal.getStackTrace()).isEmpty();
        }
    }
}
