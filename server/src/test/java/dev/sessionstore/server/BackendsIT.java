package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.embedded.RedisServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the server reports about the Redis it uses: the one it started itself, and another one. */
class BackendsIT {
    @TempDir
    Path dataDir;

    private static ServerConfig config(String... args) {
        CommandLine cli = new CommandLine(new ServerCommand());
        cli.parseArgs(args);
        return cli.<ServerCommand>getCommand().call();
    }

    private static void close(Backend backend) {
        try {
            backend.store().close();
        } finally {
            backend.closer().run();
        }
    }

    @Test
    void theRedisThisServerStarts_isReportedWithTheSettingsItWasGiven_andNoWarning() {
        Backend backend = Backends.open(
                config("--data-dir", dataDir.toString(), "--durability", "always"),
                SessionPolicy.defaults(),
                Clock.systemUTC());
        try {
            assertThat(backend.warnings()).isEmpty();
            assertThat(backend.description())
                    .contains("embedded Redis")
                    .endsWith("persistence: AOF, appendfsync always");
            assertThat(backend.persistence()).isEqualTo("AOF, appendfsync always");
        } finally {
            close(backend);
        }
    }

    @Test
    void anExternalRedisRefusingConfig_isReportedAsUnknown_withAWarning() {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral("--rename-command", "CONFIG", "")) {
            Backend backend = Backends.open(
                    config("--data-dir", dataDir.toString(), "--redis-url", redis.uri()),
                    SessionPolicy.defaults(),
                    Clock.systemUTC());
            try {
                assertThat(backend.warnings())
                        .anyMatch(w -> w.startsWith("cannot read the Redis persistence settings"));
                assertThat(backend.persistence()).startsWith("unknown");
            } finally {
                close(backend);
            }
        }
    }
}
