package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.internal.BreakerBackend;
import dev.sessionstore.coordination.internal.ClusterBreakerRules;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** One {@link ClusterBreakerRules} per breaker name, evaluated on the hub's clock. */
final class MemoryBreakers implements BreakerBackend {
    private final Clock clock;
    private final Map<String, ClusterBreakerRules> rules = new HashMap<>();

    MemoryBreakers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized View sync(String breaker, String instance, Batch batch, BreakerConfig config) {
        return rules(breaker).sync(batch, config, clock.millis());
    }

    @Override
    public synchronized void force(String breaker, BreakerForce force) {
        rules(breaker).force(force);
    }

    private ClusterBreakerRules rules(String breaker) {
        return rules.computeIfAbsent(breaker, b -> new ClusterBreakerRules());
    }
}
