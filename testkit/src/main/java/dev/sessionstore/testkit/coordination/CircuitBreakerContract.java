package dev.sessionstore.testkit.coordination;

import static dev.sessionstore.testkit.coordination.CoordinationSupport.CLUSTER_WAIT;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.FAST;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.awaitAll;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.calls;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.pace;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.uniqueName;
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
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What every shared {@code CircuitBreakers} implementation must do, with three instances of one
 * cluster. Publication is fast (20 ms) so cluster-wide effects are awaited for at most a second.
 */
public interface CircuitBreakerContract extends CoordinationFixture {

    /** Three instances, a, b and c, of one cluster. */
    private List<Coordination> threeInstances() {
        return List.of(openInstance("a"), openInstance("b"), openInstance("c"));
    }

    private static List<CircuitBreaker> breakers(List<Coordination> instances, String name, BreakerConfig config) {
        return instances.stream().map(c -> c.breakers().breaker(name, config)).toList();
    }

    private List<CircuitBreaker> three(String name, BreakerConfig config) {
        return breakers(threeInstances(), name, config);
    }

    @Test
    default void failuresAtOneInstanceOnly_doNotOpenTheOthers() {
        // a fails 2 of every 8 calls of the cluster (25 % < 50 %), in rounds spread over publications
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
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
    default void failuresEverywhere_openEveryInstanceWithinAFewPublications() {
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
        List<BreakerTransition> opened = new CopyOnWriteArrayList<>();
        cb.forEach(b -> b.addListener(t -> {
            if (t.to() == BreakerState.OPEN) {
                opened.add(t);
            }
        }));
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(CLUSTER_WAIT).until(() -> opened.size() >= 3);
        var first = opened.stream()
                .map(BreakerTransition::at)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        var last = opened.stream()
                .map(BreakerTransition::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(Duration.between(first, last))
                .as("spread between the first and the last instance opening")
                .isLessThanOrEqualTo(FAST.publishInterval().multipliedBy(25));
        assertThat(cb).allSatisfy(b -> assertThat(b.tryAcquirePermission()).isFalse());
        assertThatThrownBy(() -> cb.get(0).execute(() -> "x")).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    default void belowMinimumVolume_neverOpens() {
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
        cb.forEach(b -> calls(b, 3, false));
        await().during(Duration.ofMillis(300))
                .atMost(CLUSTER_WAIT)
                .untilAsserted(() ->
                        assertThat(cb).allSatisfy(b -> assertThat(b.state()).isEqualTo(BreakerState.CLOSED)));
    }

    @Test
    default void slowSuccesses_countAsFailures() {
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
        cb.forEach(b -> {
            for (int i = 0; i < 5; i++) {
                b.onResult(Duration.ofSeconds(1), true);
            }
        });
        awaitAll(cb, BreakerState.OPEN);
    }

    @Test
    default void halfOpen_admitsNoMoreThanConfiguredProbesClusterWide() {
        BreakerConfig config = FAST.withOpenDuration(Duration.ofMillis(2000));
        List<CircuitBreaker> cb = three(uniqueName("cb"), config);
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(Duration.ofSeconds(4))
                .until(() -> cb.stream().anyMatch(b -> b.state() == BreakerState.HALF_OPEN));
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
    default void probesSucceed_closeEveryInstance() {
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
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
    default void probeFails_reopens() {
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
        List<BreakerTransition> seen = new CopyOnWriteArrayList<>();
        cb.get(1).addListener(seen::add);
        cb.forEach(b -> calls(b, 5, false));
        awaitAll(cb, BreakerState.OPEN);
        await().atMost(CLUSTER_WAIT).until(() -> cb.get(0).tryAcquirePermission());
        cb.get(0).onResult(Duration.ofMillis(1), false);
        await().atMost(CLUSTER_WAIT)
                .until(() -> seen.stream()
                        .filter(t -> t.from() == BreakerState.HALF_OPEN && t.to() == BreakerState.OPEN)
                        .findAny()
                        .isPresent());
        assertThat(seen.get(0).from()).isEqualTo(BreakerState.CLOSED);
        assertThat(seen.get(0).to()).isEqualTo(BreakerState.OPEN);
        assertThat(seen.get(0).instance()).isEqualTo("b");
    }

    @Test
    default void operatorForce_appliesToEveryInstanceUntilCleared() {
        String name = uniqueName("cb");
        List<Coordination> instances = threeInstances();
        List<CircuitBreaker> cb = breakers(instances, name, FAST.withOpenDuration(Duration.ofSeconds(10)));
        instances.get(0).breakers().force(name, BreakerForce.FORCE_OPEN);
        awaitAll(cb, BreakerState.FORCED_OPEN);
        assertThat(cb).allSatisfy(b -> assertThat(b.tryAcquirePermission()).isFalse());
        cb.forEach(b -> b.onResult(Duration.ofMillis(1), false));
        instances.get(1).breakers().force(name, BreakerForce.FORCE_CLOSED);
        awaitAll(cb, BreakerState.FORCED_CLOSED);
        cb.forEach(b -> calls(b, 10, false));
        await().during(Duration.ofMillis(200))
                .atMost(CLUSTER_WAIT)
                .untilAsserted(() -> assertThat(cb)
                        .allSatisfy(b -> assertThat(b.tryAcquirePermission()).isTrue()));
        instances.get(2).breakers().force(name, BreakerForce.NONE);
        awaitAll(cb, BreakerState.OPEN);
    }

    @Test
    default void breaker_sameNameOtherConfig_throws() {
        Coordination c = openInstance("a");
        String name = uniqueName("cb");
        c.breakers().breaker(name, FAST);
        assertThat(c.breakers().breaker(name, FAST)).isSameAs(c.breakers().breaker(name, FAST));
        assertThatThrownBy(() -> c.breakers().breaker(name, FAST.withMinimumCalls(99)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    default void execute_recordsOutcomeAndRethrows() {
        List<CircuitBreaker> cb = three(uniqueName("cb"), FAST);
        for (int i = 0; i < 4; i++) {
            for (CircuitBreaker b : cb) {
                assertThatThrownBy(() -> b.execute(() -> {
                            throw new IOException("down");
                        }))
                        .isInstanceOf(IOException.class);
            }
        }
        awaitAll(cb, BreakerState.OPEN);
        assertThat(cb).allSatisfy(b -> assertThat(b.isLocalFallback()).isFalse());
    }
}
