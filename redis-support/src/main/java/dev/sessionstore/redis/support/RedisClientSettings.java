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
 */
public record RedisClientSettings(
        RedisURI uri,
        boolean cluster,
        Duration commandTimeout,
        Duration connectTimeout,
        Optional<TrustedCertificates> trust) {
    /** The shortest connect timeout {@link #of} chooses: the handshake of a cold JVM may take longer than a command. */
    public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public RedisClientSettings {
        Objects.requireNonNull(uri, "uri");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        Objects.requireNonNull(trust, "trust");
    }

    /** Settings with a connect timeout of the longer of {@link #MIN_CONNECT_TIMEOUT} and the command timeout. */
    public static RedisClientSettings of(RedisURI uri, boolean cluster, Duration commandTimeout) {
        Duration connect = commandTimeout.compareTo(MIN_CONNECT_TIMEOUT) > 0 ? commandTimeout : MIN_CONNECT_TIMEOUT;
        return new RedisClientSettings(uri, cluster, commandTimeout, connect, Optional.empty());
    }

    /** These settings, trusting {@code trust} (empty: the JVM's default CAs) for TLS. */
    public RedisClientSettings withTrust(Optional<TrustedCertificates> trust) {
        return new RedisClientSettings(uri, cluster, commandTimeout, connectTimeout, trust);
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
