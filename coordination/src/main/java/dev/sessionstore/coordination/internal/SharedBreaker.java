package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerListener;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.BreakerTransition;
import dev.sessionstore.coordination.CallNotPermittedException;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.internal.BreakerBackend.Batch;
import dev.sessionstore.coordination.internal.BreakerBackend.View;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's breaker. The call path reads a volatile state and touches local counters only;
 * {@link #tick()} (every publish interval, on the registry's timer) publishes the counters and adopts
 * the cluster's state, or runs the {@link LocalBreaker} while the backend is unreachable.
 */
final class SharedBreaker implements CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(SharedBreaker.class);

    private final String name;
    private final String instance;
    private final BreakerConfig config;
    private final BreakerBackend backend;
    private final Clock clock;
    private final Runnable fallbackCounter;
    private final LocalWindow window;
    private final LocalBreaker local;
    private final List<BreakerListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder probeSuccesses = new LongAdder();
    private final LongAdder probeFailures = new LongAdder();
    private final AtomicInteger probePermits = new AtomicInteger();
    private volatile BreakerState state = BreakerState.CLOSED;
    private volatile boolean fallback;

    SharedBreaker(
            String name,
            String instance,
            BreakerConfig config,
            BreakerBackend backend,
            Clock clock,
            Runnable fallbackCounter) {
        this.name = name;
        this.instance = instance;
        this.config = config;
        this.backend = backend;
        this.clock = clock;
        this.fallbackCounter = fallbackCounter;
        this.window = new LocalWindow(clock, config.window().toMillis());
        this.local = new LocalBreaker(config, clock, window);
    }

    BreakerConfig config() {
        return config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BreakerState state() {
        return state;
    }

    @Override
    public boolean isLocalFallback() {
        return fallback;
    }

    @Override
    public boolean tryAcquirePermission() {
        return switch (state) {
            case CLOSED, FORCED_CLOSED -> true;
            case OPEN, FORCED_OPEN -> false;
            case HALF_OPEN -> probePermits.getAndUpdate(p -> p > 0 ? p - 1 : 0) > 0;
        };
    }

    @Override
    public void onResult(Duration elapsed, boolean success) {
        boolean failure = !success || elapsed.compareTo(config.slowCallThreshold()) > 0;
        if (state == BreakerState.HALF_OPEN) {
            (failure ? probeFailures : probeSuccesses).increment();
            return;
        }
        calls.increment();
        if (failure) {
            failures.increment();
        }
    }

    @Override
    public <T> T execute(Callable<T> call) throws Exception {
        if (!tryAcquirePermission()) {
            throw new CallNotPermittedException(name, state);
        }
        Instant start = clock.instant();
        boolean success = false;
        try {
            T result = call.call();
            success = true;
            return result;
        } finally {
            onResult(Duration.between(start, clock.instant()), success);
        }
    }

    @Override
    public void addListener(BreakerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Publishes and adopts the cluster state; never throws. */
    synchronized void tick() {
        boolean wantsProbe = state == BreakerState.HALF_OPEN && probePermits.get() == 0;
        Batch batch = new Batch(
                calls.sumThenReset(),
                failures.sumThenReset(),
                probeSuccesses.sumThenReset(),
                probeFailures.sumThenReset(),
                wantsProbe);
        // the local window (used only in fallback) takes the batch here, off the call path
        window.add(batch.calls(), batch.failures());
        try {
            adopt(backend.sync(name, instance, batch, config));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down
            }
            runLocally(batch, e);
        }
    }

    private void adopt(View view) {
        if (fallback) {
            fallback = false;
            LOG.info("circuit breaker '{}' reaches its backend again: sharing state", name);
            notify(l -> l.onLocalFallback(name, false));
        }
        BreakerState next = switch (view.force()) {
            case FORCE_OPEN -> BreakerState.FORCED_OPEN;
            case FORCE_CLOSED -> BreakerState.FORCED_CLOSED;
            case NONE ->
                switch (view.mode()) {
                    case CLOSED -> BreakerState.CLOSED;
                    case OPEN -> BreakerState.OPEN;
                    case HALF_OPEN -> BreakerState.HALF_OPEN;
                };
        };
        if (next == BreakerState.HALF_OPEN) {
            probePermits.addAndGet(view.grantedProbes());
        } else {
            probePermits.set(0);
        }
        moveTo(next);
    }

    private void runLocally(Batch batch, RuntimeException cause) {
        if (!fallback) {
            fallback = true;
            fallbackCounter.run();
            LOG.warn("circuit breaker '{}' cannot reach its backend, deciding locally: {}", name, cause.toString());
            notify(l -> l.onLocalFallback(name, true));
            local.enter(state);
            probePermits.set(local.state() == BreakerState.HALF_OPEN ? config.halfOpenProbes() : 0);
        }
        int granted = local.tick(batch);
        if (granted > 0) {
            probePermits.set(granted);
        }
        moveTo(local.state());
    }

    private void moveTo(BreakerState next) {
        BreakerState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        var t = new BreakerTransition(name, instance, previous, next, fallback, clock.instant());
        notify(l -> l.onTransition(t));
    }

    private void notify(Consumer<BreakerListener> event) {
        for (BreakerListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("listener of circuit breaker '{}' threw: {}", name, e.toString());
            }
        }
    }
}
