package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.internal.BreakerBackend.Batch;
import dev.sessionstore.coordination.internal.BreakerBackend.Mode;
import dev.sessionstore.coordination.internal.BreakerBackend.View;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster-wide breaker transitions for backends that run Java (the in-memory one). The Redis
 * backend runs the same rules as a Lua script. Callers synchronize. Not API.
 */
public final class ClusterBreakerRules {
    private Mode mode = Mode.CLOSED;
    private long openUntil;
    private long closedSince;
    private long halfOpenSince;
    private int probesIssued;
    private long probeSuccesses;
    private BreakerForce force = BreakerForce.NONE;
    private final TreeMap<Long, long[]> buckets = new TreeMap<>();

    public void force(BreakerForce force) {
        this.force = force;
    }

    public View sync(Batch batch, BreakerConfig config, long nowMillis) {
        long bucketMillis = config.window().toMillis() / 10;
        long bucket = Math.floorDiv(nowMillis, bucketMillis);
        long[] counts = buckets.computeIfAbsent(bucket, b -> new long[2]);
        counts[0] += batch.calls();
        counts[1] += batch.failures();
        buckets.headMap(bucket - 10, true).clear();
        if (mode == Mode.OPEN && nowMillis >= openUntil) {
            enterHalfOpen(nowMillis);
        }
        if (mode == Mode.HALF_OPEN) {
            halfOpen(batch, config, nowMillis);
        }
        if (mode == Mode.CLOSED && rateExceeded(config, bucket, bucketMillis)) {
            mode = Mode.OPEN;
            openUntil = nowMillis + config.openDuration().toMillis();
        }
        int granted = 0;
        if (mode == Mode.HALF_OPEN && batch.wantsProbe() && probesIssued < config.halfOpenProbes()) {
            probesIssued++;
            granted = 1;
        }
        return new View(mode, granted, force);
    }

    private void enterHalfOpen(long now) {
        mode = Mode.HALF_OPEN;
        halfOpenSince = now;
        probesIssued = 0;
        probeSuccesses = 0;
    }

    private void halfOpen(Batch batch, BreakerConfig config, long now) {
        if (batch.probeFailures() > 0) {
            mode = Mode.OPEN;
            openUntil = now + config.openDuration().toMillis();
            return;
        }
        probeSuccesses += batch.probeSuccesses();
        if (probeSuccesses >= config.halfOpenProbes()) {
            mode = Mode.CLOSED;
            closedSince = now;
        } else if (now - halfOpenSince >= config.openDuration().toMillis()) {
            enterHalfOpen(now);
        }
    }

    private boolean rateExceeded(BreakerConfig config, long bucket, long bucketMillis) {
        long calls = 0;
        long failures = 0;
        long first = Math.max(bucket - 9, Math.floorDiv(closedSince, bucketMillis) + 1);
        for (Map.Entry<Long, long[]> e : buckets.tailMap(first, true).entrySet()) {
            calls += e.getValue()[0];
            failures += e.getValue()[1];
        }
        return config.shouldOpen(calls, failures);
    }
}
