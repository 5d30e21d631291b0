package dev.sessionstore.redis;

import dev.sessionstore.StoreUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Holds the one shared, multiplexed connection. It is opened on first use (so a store can be built while
 * Redis is down) and then reconnects by itself; while it is disconnected, commands are rejected at once
 * rather than queued. Thread-safe.
 */
final class RedisConnector implements AutoCloseable {
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final RedisClient client;
    private final ClientResources ownResources;
    private final RedisURI uri;
    private volatile StatefulRedisConnection<String, String> connection;
    private boolean closed;

    /** @param ownResources the resources of a client this connector owns, or null for a shared client */
    private RedisConnector(RedisClient client, ClientResources ownResources, RedisURI uri) {
        this.client = client;
        this.ownResources = ownResources;
        this.uri = uri;
    }

    /**
     * A connector with its own client, configured to fail fast and to retry a lost connection at least
     * once a second (Lettuce's default backs off to 30 s, which would keep a recovered Redis unused).
     */
    static RedisConnector owning(RedisURI uri, Duration commandTimeout) {
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(max(commandTimeout, RedisSessionStoreBuilder.CONNECT_TIMEOUT))
                        .keepAlive(true)
                        .build())
                .build());
        return new RedisConnector(client, resources, uri);
    }

    /** A connector on a caller's client, whose options are the caller's; it is not shut down on close. */
    static RedisConnector sharing(RedisClient client, RedisURI uri) {
        return new RedisConnector(client, null, uri);
    }

    /** The async commands of the shared connection, connecting first if needed. */
    RedisAsyncCommands<String, String> async() {
        StatefulRedisConnection<String, String> c = connection;
        return (c != null ? c : connect()).async();
    }

    private synchronized StatefulRedisConnection<String, String> connect() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (connection == null) {
            try {
                connection = client.connect(StringCodec.UTF8, uri);
            } catch (RedisException e) {
                throw new StoreUnavailableException("cannot connect to Redis at " + describe(uri), e);
            }
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (connection != null) {
            connection.close();
        }
        if (ownResources != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            ownResources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Host and port (or sentinels) without credentials, for messages. */
    static String describe(RedisURI uri) {
        if (!uri.getSentinels().isEmpty()) {
            return "sentinel master " + uri.getSentinelMasterId();
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
