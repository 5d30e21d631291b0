package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;

class RedisFencedWritesIT {
    @Test
    void write_onlyWithGreaterFence() {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral()) {
            RedisClient client = RedisClient.create(redis.uri());
            try (var connection = client.connect()) {
                var writes = new RedisFencedWrites(connection.sync());
                assertThat(writes.read("k")).isEmpty();
                assertThat(writes.write("k", "five", 5)).isTrue();
                assertThat(writes.write("k", "four", 4)).isFalse();
                assertThat(writes.write("k", "five-again", 5)).isFalse();
                assertThat(writes.write("k", "six", 6)).isTrue();
                assertThat(writes.read("k")).contains("six");
            } finally {
                client.shutdown();
            }
        }
    }
}
