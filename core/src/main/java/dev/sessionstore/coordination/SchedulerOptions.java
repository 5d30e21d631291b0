package dev.sessionstore.coordination;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by the jobs of one scheduler.
 *
 * @param pollInterval how often the background loop looks for due slots
 * @param historyLength how many runs are kept per job (older ones are trimmed)
 * @param maxClockSkew the largest difference between two instances' clocks the cluster tolerates: a slot
 *     claim is kept for {@code 2 * maxClockSkew + misfireGrace + 1 minute}, so no instance whose clock
 *     is within this bound can claim the same slot again
 * @param catchUpWindow how far back missed slots are looked for
 */
public record SchedulerOptions(
        Duration pollInterval, int historyLength, Duration maxClockSkew, Duration catchUpWindow) {
    public SchedulerOptions {
        positive("pollInterval", pollInterval);
        positive("maxClockSkew", maxClockSkew);
        positive("catchUpWindow", catchUpWindow);
        if (historyLength < 1 || historyLength > 10_000) {
            throw new IllegalArgumentException("historyLength must be in [1, 10000]: " + historyLength);
        }
    }

    /** Poll every second, keep 100 runs, tolerate 30 s of skew, look back one day. */
    public static SchedulerOptions defaults() {
        return new SchedulerOptions(Duration.ofSeconds(1), 100, Duration.ofSeconds(30), Duration.ofDays(1));
    }

    public SchedulerOptions withPollInterval(Duration d) {
        return new SchedulerOptions(d, historyLength, maxClockSkew, catchUpWindow);
    }

    public SchedulerOptions withHistoryLength(int n) {
        return new SchedulerOptions(pollInterval, n, maxClockSkew, catchUpWindow);
    }

    public SchedulerOptions withMaxClockSkew(Duration d) {
        return new SchedulerOptions(pollInterval, historyLength, d, catchUpWindow);
    }

    private static void positive(String setting, Duration d) {
        Objects.requireNonNull(d, setting);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive: " + d);
        }
    }
}
