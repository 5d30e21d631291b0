package dev.sessionstore.server.jobs;

import dev.sessionstore.redis.RedisSessionEvents;
import dev.sessionstore.redis.StoreInspection;
import dev.sessionstore.redis.support.TrustedCertificates;
import io.lettuce.core.resource.ClientResources;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis the store runs on, as the server's other users of it need it. The key layout stays the store's: the
 * jobs read the store's keys only through its {@link StoreInspection}.
 *
 * @param uri the Redis URI the store was built with
 * @param cluster whether {@code uri} is one node of a Redis Cluster
 * @param trust the CA certificates trusted for TLS; empty: the JVM's
 * @param resources the process's one Lettuce {@link ClientResources}: every client is built on it, and its owner
 *     shuts it down after the last client is closed
 * @param store the store's keyspace walks
 * @param events the store's event outbox, when it writes one
 */
public record SharedRedis(
        String uri,
        boolean cluster,
        Optional<TrustedCertificates> trust,
        ClientResources resources,
        StoreInspection store,
        Optional<RedisSessionEvents> events) {
    public SharedRedis {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(events, "events");
    }
}
