package dev.sessionstore.coordination.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerListener;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.BreakerTransition;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.Coordination;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerListenerTest {
    @Test
    void throwingListener_doesNotStopTransitionsNorTriggerFallback() {
        BreakerConfig config = BreakerConfig.defaults().withMinimumCalls(5).withPublishInterval(Duration.ofMillis(10));
        try (Coordination c = InMemoryCoordination.create(Clock.systemUTC()).instance("a")) {
            CircuitBreaker b = c.breakers().breaker("flaky-listener", config);
            b.addListener(new BreakerListener() {
                @Override
                public void onTransition(BreakerTransition transition) {
                    throw new IllegalStateException("listener bug");
                }
            });
            for (int i = 0; i < 5; i++) {
                b.onResult(Duration.ofMillis(1), false);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> b.state() == BreakerState.OPEN);
            assertThat(b.isLocalFallback()).isFalse();
            assertThat(c.breakers().localFallbackCount()).isZero();
        }
    }
}
