package dev.sessionstore.server.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a webhook delivery is retried: at most {@code maxAttempts} attempts; before attempt
 * {@code n + 1} the dispatcher waits {@code min(maxDelay, initialDelay × 2^(n-1))} scaled by a random factor in
 * [0.5, 1) ("equal jitter"), so instances that failed together do not retry together.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("webhook maxAttempts must be in [1, 20]: " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.toMillis() < 1 || maxDelay.compareTo(initialDelay) < 0 || maxDelay.toMinutes() > 10) {
            throw new IllegalArgumentException("webhook retry delays must satisfy 1ms <= initialDelay (" + initialDelay
                    + ") <= maxDelay (" + maxDelay + ") <= 10m");
        }
    }

    /** 4 attempts, waiting about 0.5 s, 1 s, 2 s between them (capped at 10 s). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based).
     *
     * @param random a value in [0, 1)
     */
    Duration delayAfter(int attempt, double random) {
        long base = initialDelay.toMillis();
        long exp = attempt >= 31 ? Long.MAX_VALUE : base << Math.max(0, attempt - 1);
        long capped = exp <= 0 || exp > maxDelay.toMillis() ? maxDelay.toMillis() : exp;
        return Duration.ofMillis(Math.max(1, (long) (capped * (0.5 + random / 2))));
    }
}
