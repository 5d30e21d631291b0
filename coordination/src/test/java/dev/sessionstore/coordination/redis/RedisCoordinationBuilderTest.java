package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisCoordinationBuilderTest {
    @Test
    void build_nothingListening_throwsUnavailable() {
        int port = RedisServerProcess.freePort();
        assertThatThrownBy(() -> RedisCoordination.builder("redis://127.0.0.1:" + port)
                        .commandTimeout(Duration.ofMillis(200))
                        .build())
                .isInstanceOf(CoordinationUnavailableException.class)
                .hasMessageContaining(Integer.toString(port));
    }

    @Test
    void builder_badSettings_nameTheSetting() {
        var builder = RedisCoordination.builder("redis://127.0.0.1:1");
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ofMillis(1))).hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> builder.instanceId("a b")).hasMessageContaining("instanceId");
        assertThatThrownBy(() -> builder.keyPrefix("")).hasMessageContaining("keyPrefix");
    }
}
