package dev.sessionstore.server.jobs;

import dev.sessionstore.redis.support.RedisClientSettings;
import dev.sessionstore.redis.support.RedisExceptions;
import dev.sessionstore.redis.support.RedisLink;
import dev.sessionstore.redis.support.TrustedCertificates;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's own connection for its jobs' keys (the statistics board, the expiry snapshot): to a standalone
 * Redis, or to a Redis Cluster (commands routed by key slot), on the process's shared client resources. Each
 * command waits at most 5 s. Thread-safe.
 */
public final class OwnRedis implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RedisLink link;

    private OwnRedis(RedisLink link) {
        this.link = link;
    }

    /**
     * Connects to {@code uri}; with {@code cluster}, {@code uri} is one node of a Redis Cluster; TLS trusts {@code
     * trust} (empty: the JVM's CAs).
     *
     * @param resources the process's client resources (left running on close); empty: the connection's own
     * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached
     */
    public static OwnRedis connect(
            String uri, boolean cluster, Optional<TrustedCertificates> trust, Optional<ClientResources> resources) {
        RedisClientSettings settings = RedisClientSettings.of(
                        RedisClientSettings.parseUri(uri, "redis URI"), cluster, TIMEOUT)
                .withTrust(trust);
        RedisLink link = RedisLink.open(settings, resources, RedisExceptions.lettuce());
        try {
            link.connect();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return new OwnRedis(link);
    }

    /** Connects to the store's Redis, on its shared client resources. */
    static OwnRedis connect(SharedRedis redis) {
        return connect(redis.uri(), redis.cluster(), redis.trust(), Optional.of(redis.resources()));
    }

    RedisClusterCommands<String, String> sync() {
        return link.sync();
    }

    @Override
    public void close() {
        link.close();
    }
}
