package dev.sessionstore.server.jobs;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.function.Function;

/**
 * The server's own connection for its jobs' keys (the statistics board, the expiry snapshot): to a standalone
 * Redis, or to a Redis Cluster (commands routed by key slot; {@code SCAN} walks every master). Thread-safe.
 */
public final class OwnRedis implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;

    private OwnRedis(
            AbstractRedisClient client,
            StatefulConnection<String, String> connection,
            RedisClusterCommands<String, String> sync,
            RedisClusterAsyncCommands<String, String> async) {
        this.client = client;
        this.connection = connection;
        this.sync = sync;
        this.async = async;
        connection.setTimeout(TIMEOUT);
    }

    /** Connects to {@code uri}; with {@code cluster}, {@code uri} is one node of a Redis Cluster. */
    public static OwnRedis connect(String uri, boolean cluster) {
        if (cluster) {
            return open(RedisClusterClient.create(uri), client -> {
                StatefulRedisClusterConnection<String, String> c = client.connect();
                return new OwnRedis(client, c, c.sync(), c.async());
            });
        }
        return open(RedisClient.create(uri), client -> {
            StatefulRedisConnection<String, String> c = client.connect();
            return new OwnRedis(client, c, c.sync(), c.async());
        });
    }

    /** Connects with {@code client}, shutting it down if that fails. */
    private static <C extends AbstractRedisClient> OwnRedis open(C client, Function<C, OwnRedis> connect) {
        try {
            return connect.apply(client);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    RedisClusterCommands<String, String> sync() {
        return sync;
    }

    RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
