package dev.sessionstore.testkit.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.BreakerTransition;
import dev.sessionstore.coordination.CallNotPermittedException;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.Coordination;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every shared {@code CircuitBreakers} implementation must do, with three instances of one
 * cluster. Publication is fast (20 ms) so cluster-wide effects are awaited for at most a second.
 */
public abstract class CircuitBreakerContract {
    protected static final BreakerConfig FAST = BreakerConfig.defaults()
            .withFailureRateThreshold(0.5)
            .withMinimumCalls(10)
            .withWindow(Duration.ofSeconds(5))
            .withOpenDuration(Duration.ofSeconds(1))
            .withHalfOpenProbes(2)
            .withSlowCallThreshold(Duration.ofMillis(500))
            .withPublishInterval(Duration.ofMillis(20));
    private static final Duration CLUSTER_WAIT = Duration.ofSeconds(3);

    private final List<Coordination> opened = new ArrayList<>();

    /** A new instance sharing the backend of every other instance of this test. */
    protected abstract Coordination newInstance(String instanceId, Clock clock);

    @AfterEach
    void closeInstances() {
        opened.forEach(Coordination::close);
    }

    private List<CircuitBreaker> three(String name, BreakerConfig config) {
        List<CircuitBreaker> breakers = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            Coordination c = newInstance(id, Clock.systemUTC());
            opened.add(c);
            breakers.add(c.breakers().breaker(name, config));
        }
        return breakers;
    }

    private static String breakerName() {
        return "cb-" + UUID.randomUUID();
    }

    private static void calls(CircuitBreaker b, int n, boolean success) {
        for (int i = 0; i < n; i++) {
            assertThat(b.tryAcquirePermission()).isTrue();
            b.onResult(Duration.ofMillis(1), success);
        }
    }

    /** Spreads traffic over time, as real traffic is, so every instance's batches are published. */
    private static void pace(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAll(List<CircuitBreaker> breakers, BreakerState state) {
        await().atMost(CLUSTER_WAIT)
                .untilAsserted(() -> assertThat(breakers)
                        .allSatisfy(b -> assertThat(b.state()).isEqualTo(state)));
    }

    @Test
    void failuresAtOneInstanceOnly_doNotOpenTheOthers() {
        // a fails 2 of every 8 calls of the cluster (25 % < 50 %), in rounds spread over publications
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        for (int round = 0; round < 10; round++) {
            calls(cb.get(0), 2, false);
            calls(cb.get(1), 3, true);
            calls(cb.get(2), 3, true);
            pace(FAST.publishInterval().multipliedBy(2));
        }
        await().during(Duration.ofMillis(300))
                .atMost(CLUSTER_WAIT)
                .untilAsserted(() ->
                        assertThat(cb).allSatisfy(b -> assertThat(b.state()).isEqualTo(BreakerState.CLOSED)));
    }

    @Test
    void failuresEverywhere_openEveryInstanceWithinAFewPublications() {
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        List<BreakerTransition> opened = new CopyOnWriteArrayList<>();
        cb.forEach(b -> b.addListener(t -> {
            if (t.to() instanceof BreakerState.Open) {
                opened.add(t);
            }
        }));
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(CLUSTER_WAIT).until(() -> opened.size() >= 3);
        var first = opened.stream()
                .map(BreakerTransition::at)
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow();
        var last = opened.stream()
                .map(BreakerTransition::at)
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow();
        assertThat(Duration.between(first, last))
                .as("spread between the first and the last instance opening")
                .isLessThanOrEqualTo(FAST.publishInterval().multipliedBy(25));
        assertThat(cb).allSatisfy(b -> assertThat(b.tryAcquirePermission()).isFalse());
        assertThatThrownBy(() -> cb.get(0).execute(() -> "x")).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    void belowMinimumVolume_neverOpens() {
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        cb.forEach(b -> calls(b, 3, false));
        await().during(Duration.ofMillis(300))
                .atMost(CLUSTER_WAIT)
                .untilAsserted(() ->
                        assertThat(cb).allSatisfy(b -> assertThat(b.state()).isEqualTo(BreakerState.CLOSED)));
    }

    @Test
    void slowSuccesses_countAsFailures() {
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        cb.forEach(b -> {
            for (int i = 0; i < 5; i++) {
                b.onResult(Duration.ofSeconds(1), true);
            }
        });
        awaitAll(cb, BreakerState.OPEN);
    }

    @Test
    void halfOpen_admitsNoMoreThanConfiguredProbesClusterWide() {
        BreakerConfig config = FAST.withOpenDuration(Duration.ofMillis(2000));
        List<CircuitBreaker> cb = three(breakerName(), config);
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(Duration.ofSeconds(4))
                .until(() -> cb.stream().anyMatch(b -> b.state() instanceof BreakerState.HalfOpen));
        int admitted = 0;
        long end = System.nanoTime() + Duration.ofMillis(700).toNanos();
        while (System.nanoTime() < end) {
            for (CircuitBreaker b : cb) {
                admitted += b.tryAcquirePermission() ? 1 : 0;
            }
            Thread.onSpinWait();
        }
        assertThat(admitted).isBetween(1, config.halfOpenProbes());
    }

    @Test
    void probesSucceed_closeEveryInstance() {
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(CLUSTER_WAIT).untilAsserted(() -> {
            for (CircuitBreaker b : cb) {
                if (b.tryAcquirePermission()) {
                    b.onResult(Duration.ofMillis(1), true);
                }
            }
            assertThat(cb).allSatisfy(b -> assertThat(b.state()).isEqualTo(BreakerState.CLOSED));
        });
    }

    @Test
    void probeFails_reopens() {
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        List<BreakerTransition> seen = new CopyOnWriteArrayList<>();
        cb.get(1).addListener(seen::add);
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(CLUSTER_WAIT).until(() -> cb.get(0).tryAcquirePermission());
        cb.get(0).onResult(Duration.ofMillis(1), false);
        await().atMost(CLUSTER_WAIT)
                .until(() -> seen.stream()
                        .filter(t -> t.from() instanceof BreakerState.HalfOpen && t.to() instanceof BreakerState.Open)
                        .findAny()
                        .isPresent());
        assertThat(seen.get(0).from()).isEqualTo(BreakerState.CLOSED);
        assertThat(seen.get(0).to()).isEqualTo(BreakerState.OPEN);
        assertThat(seen.get(0).instance()).isEqualTo("b");
    }

    @Test
    void operatorForce_appliesToEveryInstanceUntilCleared() {
        String name = breakerName();
        List<CircuitBreaker> cb = three(name, FAST.withOpenDuration(Duration.ofSeconds(10)));
        opened.get(0).breakers().force(name, BreakerForce.FORCE_OPEN);
        awaitAll(cb, BreakerState.FORCED_OPEN);
        assertThat(cb).allSatisfy(b -> assertThat(b.tryAcquirePermission()).isFalse());
        cb.forEach(b -> b.onResult(Duration.ofMillis(1), false));
        opened.get(1).breakers().force(name, BreakerForce.FORCE_CLOSED);
        awaitAll(cb, BreakerState.FORCED_CLOSED);
        cb.forEach(b -> calls(b, 10, false));
        await().during(Duration.ofMillis(200))
                .atMost(CLUSTER_WAIT)
                .untilAsserted(() -> assertThat(cb)
                        .allSatisfy(b -> assertThat(b.tryAcquirePermission()).isTrue()));
        opened.get(2).breakers().force(name, BreakerForce.NONE);
        awaitAll(cb, BreakerState.OPEN);
    }

    @Test
    void breaker_sameNameOtherConfig_throws() {
        Coordination c = newInstance("a", Clock.systemUTC());
        opened.add(c);
        String name = breakerName();
        c.breakers().breaker(name, FAST);
        assertThat(c.breakers().breaker(name, FAST)).isSameAs(c.breakers().breaker(name, FAST));
        assertThatThrownBy(() -> c.breakers().breaker(name, FAST.withMinimumCalls(99)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void execute_recordsOutcomeAndRethrows() {
        List<CircuitBreaker> cb = three(breakerName(), FAST);
        for (int i = 0; i < 4; i++) {
            for (CircuitBreaker b : cb) {
                assertThatThrownBy(() -> b.execute(() -> {
                            throw new java.io.IOException("down");
                        }))
                        .isInstanceOf(java.io.IOException.class);
            }
        }
        awaitAll(cb, BreakerState.OPEN);
        assertThat(cb).allSatisfy(b -> assertThat(b.isLocalFallback()).isFalse());
    }
}
