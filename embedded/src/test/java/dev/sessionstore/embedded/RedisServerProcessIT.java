package dev.sessionstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerProcessIT {

    @Test
    void startEphemeral_answersPing_andStopEndsIt() {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral()) {
            assertThat(redis.sendQuietly("PING")).isEqualTo("+PONG");
            redis.stop();
            assertThat(redis.isRunning()).isFalse();
            assertThat(redis.sendQuietly("PING")).isEmpty();
        }
    }

    @Test
    void aofData_survivesKillAndRestart(@TempDir Path dir) {
        try (RedisServerProcess redis =
                RedisServerProcess.create(dir, RedisServerProcess.Persistence.AOF_ALWAYS, 0, List.of())) {
            redis.start();
            assertThat(redis.sendQuietly("SET k v")).isEqualTo("+OK");
            redis.kill();
            redis.start();
            assertThat(redis.sendQuietly("GET k")).isEqualTo("$1");
        }
    }

    @Test
    void bundledBinary_isRedis62_andServes(@TempDir Path dir) throws Exception {
        Path bundled = RedisBinary.bundled();
        Process p = new ProcessBuilder(bundled.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("Redis server v=6.2.");

        String previous = System.setProperty(RedisBinary.PROPERTY, "bundled");
        try (RedisServerProcess redis =
                RedisServerProcess.create(dir, RedisServerProcess.Persistence.AOF_EVERYSEC, 0, List.of())) {
            assertThat(RedisBinary.locate()).isEqualTo(bundled);
            redis.start();
            assertThat(redis.sendQuietly("CONFIG GET appendonly")).isEqualTo("*2");
            assertThat(redis.sendQuietly("SET k v")).isEqualTo("+OK");
        } finally {
            restore(previous);
        }
    }

    @Test
    void locate_rejectsAConfiguredPathThatIsNotAnExecutable(@TempDir Path dir) {
        String previous =
                System.setProperty(RedisBinary.PROPERTY, dir.resolve("nothing").toString());
        try {
            assertThatThrownBy(RedisBinary::locate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("-D" + RedisBinary.PROPERTY);
        } finally {
            restore(previous);
        }
    }

    @Test
    void close_removesTheEphemeralDataDirectory() {
        Path dataDir;
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral()) {
            dataDir = redis.dataDir();
            assertThat(dataDir).isDirectory();
        }
        assertThat(dataDir).doesNotExist();
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(RedisBinary.PROPERTY);
        } else {
            System.setProperty(RedisBinary.PROPERTY, previous);
        }
    }
}
