package dev.sessionstore.server.edge;

import java.time.Duration;
import java.util.Objects;

/**
 * How the service edge treats connections.
 *
 * @param idleTimeout a keep-alive connection with no request in flight is closed after this long
 * @param readTimeout a request must be read and answered within this long from its first byte; a connection that
 *     keeps a request half-sent (slowloris) is closed
 * @param maxConnections open connections at most; one more is answered 503 and closed. Lowered at start when the
 *     process's descriptor limit cannot hold that many ({@link DescriptorBudget})
 */
public record EdgeOptions(Duration idleTimeout, Duration readTimeout, int maxConnections) {
    /** The largest {@code maxConnections} accepted. */
    public static final int MAX_CONNECTIONS_LIMIT = 1_000_000;

    public EdgeOptions {
        check("idle-timeout", idleTimeout, Duration.ofHours(1));
        check("read-timeout", readTimeout, Duration.ofMinutes(10));
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_LIMIT) {
            throw new IllegalArgumentException(
                    "max-connections must be in [1, " + MAX_CONNECTIONS_LIMIT + "]: " + maxConnections);
        }
    }

    /**
     * Idle 75 s (above the 60 s idle timeout of common load balancers, so they, not we, close a pooled connection
     * first), read 20 s, 10,000 connections.
     */
    public static EdgeOptions defaults() {
        return new EdgeOptions(Duration.ofSeconds(75), Duration.ofSeconds(20), 10_000);
    }

    private static void check(String setting, Duration d, Duration max) {
        Objects.requireNonNull(d, setting);
        if (d.toMillis() < 100 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be in [100ms, " + max + "]: " + d);
        }
    }
}
