package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.CircuitBreakers;
import dev.sessionstore.coordination.Names;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@link CircuitBreakers} over any {@link BreakerBackend}; ticks each breaker on a shared timer. Not API. */
public final class SharedBreakers implements CircuitBreakers {
    private final BreakerBackend backend;
    private final String instanceId;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, SharedBreaker> breakers = new ConcurrentHashMap<>();
    private final AtomicLong fallbacks = new AtomicLong();

    public SharedBreakers(BreakerBackend backend, String instanceId, Clock clock, ScheduledExecutorService timer) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.instanceId = Names.check("instanceId", instanceId);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public CircuitBreaker breaker(String name, BreakerConfig config) {
        Names.check("breaker name", name);
        Objects.requireNonNull(config, "config");
        SharedBreaker b = breakers.computeIfAbsent(name, n -> start(n, config));
        if (!b.config().equals(config)) {
            throw new IllegalArgumentException("breaker '" + name + "' exists with another config: " + b.config());
        }
        return b;
    }

    private SharedBreaker start(String name, BreakerConfig config) {
        var b = new SharedBreaker(name, instanceId, config, backend, clock, fallbacks::incrementAndGet);
        long ms = config.publishInterval().toMillis();
        timer.scheduleWithFixedDelay(b::tick, 0, ms, TimeUnit.MILLISECONDS);
        return b;
    }

    @Override
    public void force(String name, BreakerForce force) {
        Names.check("breaker name", name);
        backend.force(name, Objects.requireNonNull(force, "force"));
        SharedBreaker b = breakers.get(name);
        if (b != null) {
            timer.execute(b::tick);
        }
    }

    @Override
    public long localFallbackCount() {
        return fallbacks.get();
    }
}
