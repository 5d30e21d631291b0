package dev.sessionstore.redis.support;

import java.time.Duration;
import java.util.Objects;

/**
 * How many replicas must acknowledge a write ({@code WAIT}) before it counts as done, and how long to wait for them.
 *
 * @param replicas at least 1
 * @param timeout how long Redis waits for them: positive, at most one minute
 */
public record ReplicaAcknowledgement(int replicas, Duration timeout) {
    public ReplicaAcknowledgement {
        Objects.requireNonNull(timeout, "timeout");
        if (replicas < 1 || replicas > 100) {
            throw new IllegalArgumentException("replicas must be in [1, 100]: " + replicas);
        }
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("replica acknowledgement timeout must be in [1 ms, 1 min]: " + timeout);
        }
    }
}
