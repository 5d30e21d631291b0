package dev.sessionstore.coordination.internal;

import java.time.Clock;
import java.util.Arrays;

/** Calls and failures of one instance over a sliding window kept in 10 time buckets. */
final class LocalWindow {
    private static final int BUCKETS = 10;

    private final Clock clock;
    private final long bucketMillis;
    private final long[] ids = new long[BUCKETS];
    private final long[] calls = new long[BUCKETS];
    private final long[] failures = new long[BUCKETS];

    LocalWindow(Clock clock, long windowMillis) {
        this.clock = clock;
        this.bucketMillis = windowMillis / BUCKETS;
    }

    /** Adds outcomes to the bucket of now: the breaker adds each publish interval's batch at its tick. */
    synchronized void add(long callCount, long failureCount) {
        long id = Math.floorDiv(clock.millis(), bucketMillis);
        int i = (int) Math.floorMod(id, BUCKETS);
        if (ids[i] != id) {
            ids[i] = id;
            calls[i] = 0;
            failures[i] = 0;
        }
        calls[i] += callCount;
        failures[i] += failureCount;
    }

    /** {@code {calls, failures}} over the window ending now. */
    synchronized long[] totals() {
        long now = Math.floorDiv(clock.millis(), bucketMillis);
        long c = 0;
        long f = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (ids[i] > now - BUCKETS) {
                c += calls[i];
                f += failures[i];
            }
        }
        return new long[] {c, f};
    }

    synchronized void reset() {
        Arrays.fill(ids, Long.MIN_VALUE);
    }
}
