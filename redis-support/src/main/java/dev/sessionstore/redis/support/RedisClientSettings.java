package dev.sessionstore.redis.support;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a Lettuce client of sessionstore is built from: where Redis is and how long to wait for it.
 *
 * @param uri a standalone Redis, a Sentinel-managed one ({@code redis-sentinel://}), or with {@code cluster}
 *     one node of a Redis Cluster; TLS ({@code rediss://}) and credentials as in the URI
 * @param cluster whether {@code uri} is a node of a Redis Cluster, whose topology the client then reads
 * @param commandTimeout how long one command may take before it fails as unavailable
 * @param connectTimeout how long opening a connection (TCP and the handshake) may take
 * @param trust for {@code rediss://}: the CA certificates trusted instead of the JVM's default ones; empty: the
 *     JVM's
 * @param directConnections how many synchronous script calls on platform threads may each do their own round trip on
 *     a direct connection while no more are in flight (0: none, and no connection shared by virtual threads either:
 *     every call multiplexed); where they apply and why:
 *     {@link DirectConnections}
 */
public record RedisClientSettings(
        RedisURI uri,
        boolean cluster,
        Duration commandTimeout,
        Duration connectTimeout,
        Optional<TrustedCertificates> trust,
        int directConnections) {
    /** The shortest connect timeout {@link #of} chooses: the handshake of a cold JVM may take longer than a command. */
    public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The most direct connections a link may have. */
    public static final int MAX_DIRECT_CONNECTIONS = 64;

    /** The system property that sets the direct connections of settings made by {@link #of}: {@value}. */
    public static final String DIRECT_CONNECTIONS_PROPERTY = "sessionstore.redis.direct";

    public RedisClientSettings {
        Objects.requireNonNull(uri, "uri");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        Objects.requireNonNull(trust, "trust");
        if (directConnections < 0 || directConnections > MAX_DIRECT_CONNECTIONS) {
            throw new IllegalArgumentException(
                    "directConnections must be 0 (off) to " + MAX_DIRECT_CONNECTIONS + ": " + directConnections);
        }
    }

    /**
     * Settings with a connect timeout of the longer of {@link #MIN_CONNECT_TIMEOUT} and the command timeout, and the
     * direct connections of the system property {@value #DIRECT_CONNECTIONS_PROPERTY} if set, else 2.
     *
     * @throws IllegalArgumentException if that property is not a whole number from 0 to {@link
     *     #MAX_DIRECT_CONNECTIONS}
     */
    public static RedisClientSettings of(RedisURI uri, boolean cluster, Duration commandTimeout) {
        Duration connect = commandTimeout.compareTo(MIN_CONNECT_TIMEOUT) > 0 ? commandTimeout : MIN_CONNECT_TIMEOUT;
        return new RedisClientSettings(
                uri, cluster, commandTimeout, connect, Optional.empty(), defaultDirectConnections());
    }

    /** These settings, trusting {@code trust} (empty: the JVM's default CAs) for TLS. */
    public RedisClientSettings withTrust(Optional<TrustedCertificates> trust) {
        return new RedisClientSettings(uri, cluster, commandTimeout, connectTimeout, trust, directConnections);
    }

    /** These settings with {@code n} direct connections (0: none). */
    public RedisClientSettings withDirectConnections(int n) {
        return new RedisClientSettings(uri, cluster, commandTimeout, connectTimeout, trust, n);
    }

    /** The system property that sets {@link #spinMicros()}: {@value}. */
    public static final String SPIN_PROPERTY = "sessionstore.redis.spinMicros";

    /** The most {@link #spinMicros()} allowed. */
    public static final int MAX_SPIN_MICROS = 1000;

    /** The default of {@link #spinMicros()}. */
    public static final int DEFAULT_SPIN_MICROS = 50;

    /**
     * How long a call on a direct connection under a light load polls its socket for the reply before it sleeps, in
     * microseconds: the system property {@value #SPIN_PROPERTY} if set (0: never poll), else {@value
     * #DEFAULT_SPIN_MICROS}. A connection whose average round trip is longer does not poll.
     *
     * @throws IllegalArgumentException if the property is not a whole number from 0 to {@value #MAX_SPIN_MICROS}
     */
    public static int spinMicros() {
        return wholeNumberProperty(
                SPIN_PROPERTY,
                DEFAULT_SPIN_MICROS,
                MAX_SPIN_MICROS,
                "a whole number of microseconds from 0 (never poll) to " + MAX_SPIN_MICROS);
    }

    private static int defaultDirectConnections() {
        return wholeNumberProperty(
                DIRECT_CONNECTIONS_PROPERTY,
                DirectConnections.DEFAULT_MAX,
                MAX_DIRECT_CONNECTIONS,
                "a whole number from 0 (off) to " + MAX_DIRECT_CONNECTIONS);
    }

    /** The system property {@code name} as a whole number from 0 to {@code max}, or {@code absent} if unset. */
    private static int wholeNumberProperty(String name, int absent, int max, String expected) {
        String text = System.getProperty(name);
        if (text == null) {
            return absent;
        }
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("-D" + name + " must be " + expected + ": " + text);
        }
        return n;
    }

    /**
     * Parses a Lettuce URI.
     *
     * @throws IllegalArgumentException naming {@code setting} but not repeating the text, which may hold a
     *     password
     */
    public static RedisURI parseUri(@Nullable String text, String setting) {
        if (text == null) {
            throw new IllegalArgumentException(setting + " is required");
        }
        try {
            return RedisURI.create(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting + " is not a valid Redis URI");
        }
    }

    /** Host and port (or the Sentinel master), without credentials, for messages. */
    public String describe() {
        if (!uri.getSentinels().isEmpty()) {
            return "sentinel master " + uri.getSentinelMasterId();
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
