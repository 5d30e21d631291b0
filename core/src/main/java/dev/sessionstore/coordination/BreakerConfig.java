package dev.sessionstore.coordination;

import java.time.Duration;
import java.util.Objects;

/**
 * A breaker's settings.
 *
 * @param failureRateThreshold open when failures / calls across the cluster reach this (in (0, 1])
 * @param minimumCalls ... over at least this many calls in the window, across the cluster
 * @param window the sliding window the rate is computed over, kept in 10 buckets (at least 1 s)
 * @param slowCallThreshold a call slower than this counts as a failure
 * @param openDuration how long the breaker stays open before admitting probes
 * @param halfOpenProbes how many probe calls the whole cluster admits while half-open; that many
 *     successes close the breaker, one failure opens it again
 * @param publishInterval how often an instance publishes its outcomes and reads the cluster state
 *     (10 ms to 10 s)
 */
public record BreakerConfig(
        double failureRateThreshold,
        int minimumCalls,
        Duration window,
        Duration slowCallThreshold,
        Duration openDuration,
        int halfOpenProbes,
        Duration publishInterval) {
    public BreakerConfig {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 1)) {
            throw new IllegalArgumentException("failureRateThreshold must be in (0, 1]: " + failureRateThreshold);
        }
        if (minimumCalls < 1 || minimumCalls > 1_000_000) {
            throw new IllegalArgumentException("minimumCalls must be in [1, 1000000]: " + minimumCalls);
        }
        if (halfOpenProbes < 1 || halfOpenProbes > 1000) {
            throw new IllegalArgumentException("halfOpenProbes must be in [1, 1000]: " + halfOpenProbes);
        }
        between("window", window, Duration.ofSeconds(1), Duration.ofHours(1));
        between("slowCallThreshold", slowCallThreshold, Duration.ofMillis(1), Duration.ofHours(1));
        between("openDuration", openDuration, Duration.ofMillis(10), Duration.ofHours(1));
        between("publishInterval", publishInterval, Duration.ofMillis(10), Duration.ofSeconds(10));
    }

    /** The opening rule: at least {@code minimumCalls} calls, and failures at least the threshold of them. */
    public boolean shouldOpen(long calls, long failures) {
        return calls >= minimumCalls && failures >= failureRateThreshold * calls;
    }

    /** 50 % over 20 calls in 10 s, slow above 5 s, open 30 s, 3 probes, published every 250 ms. */
    public static BreakerConfig defaults() {
        return new BreakerConfig(
                0.5,
                20,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                3,
                Duration.ofMillis(250));
    }

    public BreakerConfig withFailureRateThreshold(double rate) {
        return new BreakerConfig(
                rate, minimumCalls, window, slowCallThreshold, openDuration, halfOpenProbes, publishInterval);
    }

    public BreakerConfig withMinimumCalls(int n) {
        return new BreakerConfig(
                failureRateThreshold, n, window, slowCallThreshold, openDuration, halfOpenProbes, publishInterval);
    }

    public BreakerConfig withWindow(Duration d) {
        return new BreakerConfig(
                failureRateThreshold,
                minimumCalls,
                d,
                slowCallThreshold,
                openDuration,
                halfOpenProbes,
                publishInterval);
    }

    public BreakerConfig withSlowCallThreshold(Duration d) {
        return new BreakerConfig(
                failureRateThreshold, minimumCalls, window, d, openDuration, halfOpenProbes, publishInterval);
    }

    public BreakerConfig withOpenDuration(Duration d) {
        return new BreakerConfig(
                failureRateThreshold, minimumCalls, window, slowCallThreshold, d, halfOpenProbes, publishInterval);
    }

    public BreakerConfig withHalfOpenProbes(int n) {
        return new BreakerConfig(
                failureRateThreshold, minimumCalls, window, slowCallThreshold, openDuration, n, publishInterval);
    }

    public BreakerConfig withPublishInterval(Duration d) {
        return new BreakerConfig(
                failureRateThreshold, minimumCalls, window, slowCallThreshold, openDuration, halfOpenProbes, d);
    }

    private static void between(String setting, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, setting);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be in [" + min + ", " + max + "]: " + d);
        }
    }
}
