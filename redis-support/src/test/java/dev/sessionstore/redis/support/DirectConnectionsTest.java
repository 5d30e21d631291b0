package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where direct connections apply, as docs/redis-layout.md lists it. */
class DirectConnectionsTest {
    private static RedisClientSettings settings(String uri, boolean cluster) {
        return RedisClientSettings.of(RedisURI.create(uri), cluster, Duration.ofMillis(500));
    }

    @Test
    void aStandaloneRedis_withOrWithoutCredentials_hasThem() {
        assertThat(DirectConnections.of(settings("redis://127.0.0.1:6379", false)))
                .isPresent();
        assertThat(DirectConnections.of(settings("redis://user:pw@127.0.0.1:6379/2", false)))
                .isPresent();
    }

    @Test
    void aCluster_sentinel_tls_orUnixSocket_orZero_hasNone() {
        assertThat(DirectConnections.of(settings("redis://127.0.0.1:6379", true)))
                .isEmpty();
        assertThat(DirectConnections.of(settings("redis-sentinel://127.0.0.1:26379#mymaster", false)))
                .isEmpty();
        assertThat(DirectConnections.of(settings("rediss://127.0.0.1:6379", false)))
                .isEmpty();
        assertThat(DirectConnections.of(settings("redis-socket:///tmp/redis.sock", false)))
                .isEmpty();
        assertThat(DirectConnections.of(
                        settings("redis://127.0.0.1:6379", false).withDirectConnections(0)))
                .isEmpty();
    }
}
