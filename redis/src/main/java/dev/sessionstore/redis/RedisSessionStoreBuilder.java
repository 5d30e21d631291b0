package dev.sessionstore.redis;

import dev.sessionstore.SessionPolicy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link RedisSessionStore}. Not thread-safe; {@link #build()} validates every setting and
 * throws {@link IllegalArgumentException} naming the bad one.
 *
 * <pre>{@code
 * RedisSessionStore store = RedisSessionStore.builder()
 *     .redisUri("redis://127.0.0.1:6379")
 *     .policy(SessionPolicy.defaults())
 *     .commandTimeout(Duration.ofMillis(500))
 *     .keyPrefix("ss")
 *     .build();
 * }</pre>
 */
public final class RedisSessionStoreBuilder {
    /** The longest command timeout accepted. */
    public static final Duration MAX_COMMAND_TIMEOUT = Duration.ofMinutes(1);

    /** How long opening the connection (TCP and handshake) may take, unless the command timeout is longer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private @Nullable String redisUri;
    private SessionPolicy policy = SessionPolicy.defaults();
    private Duration commandTimeout = Duration.ofMillis(500);
    private String keyPrefix = "ss";
    private @Nullable RedisClient client;
    private boolean cluster;

    RedisSessionStoreBuilder() {}

    /**
     * Where Redis is: any Lettuce URI ({@code redis://}, {@code rediss://} for TLS, with a password or
     * user and password, {@code redis-sentinel://}). Required.
     */
    public RedisSessionStoreBuilder redisUri(String uri) {
        this.redisUri = Objects.requireNonNull(uri, "redisUri");
        return this;
    }

    /**
     * Whether {@link #redisUri} is a node of a Redis Cluster (default false): the store then reads the
     * cluster's topology from it and sends each script to the node that owns its keys' slot (all keys of
     * a script share one). Not with {@link #client}.
     */
    public RedisSessionStoreBuilder cluster(boolean cluster) {
        this.cluster = cluster;
        return this;
    }

    /** Limits, timeouts and cap policy; default {@link SessionPolicy#defaults()}. */
    public RedisSessionStoreBuilder policy(SessionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * How long one operation waits for Redis before it throws {@link
     * dev.sessionstore.StoreUnavailableException}; default 500 ms, at most {@link #MAX_COMMAND_TIMEOUT}.
     * Only opening the connection the first time may take longer (up to 5 s, or this timeout if longer);
     * once connected, a lost connection is re-opened in the background and operations fail at once
     * until it is back.
     */
    public RedisSessionStoreBuilder commandTimeout(Duration timeout) {
        this.commandTimeout = Objects.requireNonNull(timeout, "commandTimeout");
        return this;
    }

    /** The first part of every key; default {@code ss}. Letters, digits, {@code _ . : -}, at most 64. */
    public RedisSessionStoreBuilder keyPrefix(String prefix) {
        this.keyPrefix = Objects.requireNonNull(prefix, "keyPrefix");
        return this;
    }

    /**
     * A client to share with other users of Redis. The store opens its own connection on it, leaves its
     * options alone (set {@code TimeoutOptions} and {@code DisconnectedBehavior.REJECT_COMMANDS} there to
     * fail fast) and does not shut it down on close. Without one the store creates and owns a client.
     */
    public RedisSessionStoreBuilder client(RedisClient client) {
        this.client = Objects.requireNonNull(client, "client");
        return this;
    }

    /** A store with these settings; it connects on first use. */
    public RedisSessionStore build() {
        if (commandTimeout.compareTo(Duration.ofMillis(1)) < 0 || commandTimeout.compareTo(MAX_COMMAND_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "commandTimeout must be between 1 ms and " + MAX_COMMAND_TIMEOUT + ": " + commandTimeout);
        }
        RedisKeys keys = new RedisKeys(keyPrefix);
        RedisURI uri = parseUri();
        if (cluster && client != null) {
            throw new IllegalArgumentException("cluster(true) cannot be combined with a shared client");
        }
        RedisConnector connector = cluster
                ? RedisConnector.owningCluster(uri, commandTimeout)
                : client == null ? RedisConnector.owning(uri, commandTimeout) : RedisConnector.sharing(client, uri);
        return new RedisSessionStore(policy, keys, connector, commandTimeout);
    }

    private RedisURI parseUri() {
        if (redisUri == null) {
            throw new IllegalArgumentException("redisUri is required");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUri);
        } catch (RuntimeException e) {
            // the text may hold a password: do not repeat it
            throw new IllegalArgumentException("redisUri is not a valid Redis URI");
        }
        // the connection handshake of a cold JVM may take longer than one command may
        uri.setTimeout(commandTimeout.compareTo(CONNECT_TIMEOUT) > 0 ? commandTimeout : CONNECT_TIMEOUT);
        return uri;
    }
}
