package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Opens the backend of the command line {@code --data-dir <this test's dir> args...}. */
    private Backend open(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Backends.open(config(all), SessionPolicy.defaults(), Clock.systemUTC());
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
        Backend backend = open("--durability", "always");
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
    void durabilityRdb_startsTheEmbeddedRedisWithSnapshotsAndNoAof() {
        Backend backend = open("--durability", "rdb", "--require-durability", "rdb");
        try {
            assertThat(backend.persistence()).isEqualTo("RDB snapshots only (save 3600 1 300 100 60 10000)");
            assertThat(backend.warnings()).isEmpty();
            // what the Redis itself says, not what this server meant to start it with
            RedisAdmin.Persistence asked = backend.admin().orElseThrow().persistence();
            assertThat(asked.durability()).contains(ServerConfig.Durability.RDB);
            assertThat(asked.appendonly()).contains("no");
        } finally {
            close(backend);
        }
    }

    @Test
    void requireDurability_refusesAnExternalRedisThatPersistsLess_namingWhatItHas() {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral()) {
            assertThatThrownBy(() -> open("--redis-url", redis.uri(), "--require-durability", "everysec"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--require-durability everysec: Redis " + redis.uri() + " persists less: none (none)");
        }
    }

    @Test
    void requireDurability_acceptsAnExternalRedisThatPersistsAsMuchOrMore() {
        try (RedisServerProcess redis =
                RedisServerProcess.startEphemeral("--appendonly", "yes", "--appendfsync", "always")) {
            Backend backend = open("--redis-url", redis.uri(), "--require-durability", "everysec");
            try {
                assertThat(backend.persistence()).isEqualTo("AOF, appendfsync always");
            } finally {
                close(backend);
            }
        }
    }

    @Test
    void requireDurability_refusesARedisWhoseSettingsCannotBeRead() {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral("--rename-command", "CONFIG", "")) {
            assertThatThrownBy(() -> open("--redis-url", redis.uri(), "--require-durability", "rdb"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--require-durability rdb: cannot check Redis " + redis.uri())
                    .hasMessageContaining("CONFIG is disabled");
        }
    }

    @Test
    void requireDurability_aboveTheEmbeddedRedissOwn_isRefused() {
        assertThatThrownBy(() -> open("--durability", "rdb", "--require-durability", "always"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--require-durability always: embedded Redis")
                .hasMessageEndingWith("persists less: RDB snapshots only (save 3600 1 300 100 60 10000) (rdb)");
    }

    @Test
    void anUnknownRequiredDurability_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> config("--data-dir", dataDir.toString(), "--require-durability", "sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--require-durability must be one of [none, rdb, everysec, always]: sometimes");
    }

    @Test
    void anExternalRedisRefusingConfig_isReportedAsUnknown_withAWarning() {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral("--rename-command", "CONFIG", "")) {
            Backend backend = open("--redis-url", redis.uri());
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
