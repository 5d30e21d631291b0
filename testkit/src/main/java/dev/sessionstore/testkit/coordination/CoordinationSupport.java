package dev.sessionstore.testkit.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.JobTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared constants and helpers of the coordination contract groups. */
final class CoordinationSupport {
    static final Duration SECOND = Duration.ofSeconds(1);

    /** Where the scheduler tests' clocks start: half a second before the first one-second slot. */
    static final Instant START = Instant.parse("2030-01-01T00:00:00.500Z");

    /** A breaker that publishes fast (20 ms), so cluster-wide effects are awaited for at most a second. */
    static final BreakerConfig FAST = BreakerConfig.defaults()
            .withFailureRateThreshold(0.5)
            .withMinimumCalls(10)
            .withWindow(Duration.ofSeconds(5))
            .withOpenDuration(Duration.ofSeconds(1))
            .withHalfOpenProbes(2)
            .withSlowCallThreshold(Duration.ofMillis(500))
            .withPublishInterval(Duration.ofMillis(20));

    /** Bound on awaiting a state every instance of a cluster adopts. */
    static final Duration CLUSTER_WAIT = Duration.ofSeconds(3);

    private CoordinationSupport() {}

    /** A lock, job or breaker name no other test uses, so a backend shared between tests cannot mix them up. */
    static String uniqueName(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    /** A task counting its runs per slot. */
    static JobTask counting(Map<Instant, AtomicInteger> runs) {
        return ctx -> runs.computeIfAbsent(ctx.slot(), s -> new AtomicInteger()).incrementAndGet();
    }

    /** {@code n} permitted calls with this outcome. */
    static void calls(CircuitBreaker b, int n, boolean success) {
        for (int i = 0; i < n; i++) {
            assertThat(b.tryAcquirePermission()).isTrue();
            b.onResult(Duration.ofMillis(1), success);
        }
    }

    /** Spreads traffic over time, as real traffic is, so every instance's batches are published. */
    static void pace(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void awaitAll(List<CircuitBreaker> breakers, BreakerState state) {
        await().atMost(CLUSTER_WAIT)
                .untilAsserted(() -> assertThat(breakers)
                        .allSatisfy(b -> assertThat(b.state()).isEqualTo(state)));
    }
}
