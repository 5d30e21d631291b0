package dev.sessionstore.redis;

import dev.sessionstore.StoreUnavailableException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Holds the one shared, multiplexed connection: to a standalone or Sentinel-managed Redis, or to a Redis
 * Cluster (one connection object that routes each command to the node owning its key's slot, and follows
 * the topology). It is opened on first use (so a store can be built while Redis is down) and then
 * reconnects by itself; while it is disconnected, commands are rejected at once rather than queued.
 * Thread-safe.
 */
final class RedisConnector implements AutoCloseable {
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final Supplier<StatefulConnection<String, String>> opener;
    private final Runnable shutdown;
    private final RedisURI uri;
    private volatile @Nullable RedisClusterAsyncCommands<String, String> commands;
    private @Nullable StatefulConnection<String, String> connection;
    private boolean closed;

    private RedisConnector(Supplier<StatefulConnection<String, String>> opener, Runnable shutdown, RedisURI uri) {
        this.opener = opener;
        this.shutdown = shutdown;
        this.uri = uri;
    }

    /**
     * A connector with its own client, configured to fail fast and to retry a lost connection at least
     * once a second (Lettuce's default backs off to 30 s, which would keep a recovered Redis unused).
     */
    static RedisConnector owning(RedisURI uri, Duration commandTimeout) {
        ClientResources resources = resources();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(socketOptions(uri.getTimeout()))
                .build());
        return new RedisConnector(() -> client.connect(StringCodec.UTF8, uri), () -> shutdown(client, resources), uri);
    }

    /**
     * As {@link #owning}, for a Redis Cluster of which {@code seed} is one node: the client reads the
     * topology from it, routes each command by its key's slot, follows {@code MOVED} redirections and
     * refreshes the topology when they (or reconnects) show it changed, and at least every 30 s. Lettuce
     * opens a node's connection when the first command for that node is sent, and rejects a command
     * waiting for such a connection under {@code REJECT_COMMANDS}; so here a command for a node that is
     * not connected waits, at most the command timeout, and then fails as unavailable.
     */
    static RedisConnector owningCluster(RedisURI seed, Duration commandTimeout) {
        ClientResources resources = resources();
        RedisClusterClient client = RedisClusterClient.create(resources, seed);
        client.setOptions(ClusterClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(socketOptions(seed.getTimeout()))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .enablePeriodicRefresh(Duration.ofSeconds(30))
                        .build())
                .build());
        return new RedisConnector(() -> client.connect(StringCodec.UTF8), () -> shutdown(client, resources), seed);
    }

    /** A connector on a caller's client, whose options are the caller's; it is not shut down on close. */
    static RedisConnector sharing(RedisClient client, RedisURI uri) {
        return new RedisConnector(() -> client.connect(StringCodec.UTF8, uri), () -> {}, uri);
    }

    /** The async commands of the shared connection, connecting first if needed. */
    RedisClusterAsyncCommands<String, String> async() {
        RedisClusterAsyncCommands<String, String> c = commands;
        return c != null ? c : connect();
    }

    private synchronized RedisClusterAsyncCommands<String, String> connect() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (commands == null) {
            try {
                connection = opener.get();
            } catch (RedisException e) {
                throw new StoreUnavailableException("cannot connect to Redis at " + describe(uri), e);
            }
            commands = connection instanceof StatefulRedisClusterConnection<String, String> cluster
                    ? cluster.async()
                    : ((StatefulRedisConnection<String, String>) connection).async();
        }
        return commands;
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
        shutdown.run();
    }

    /** Host and port (or sentinels) without credentials, for messages. */
    static String describe(RedisURI uri) {
        if (!uri.getSentinels().isEmpty()) {
            return "sentinel master " + uri.getSentinelMasterId();
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    private static ClientResources resources() {
        return ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    /** {@code connectTimeout}: the URI's timeout, which the builder set to the larger of 5 s and the command timeout. */
    private static SocketOptions socketOptions(Duration connectTimeout) {
        return SocketOptions.builder()
                .connectTimeout(connectTimeout)
                .keepAlive(true)
                .build();
    }

    private static void shutdown(AbstractRedisClient client, ClientResources resources) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
