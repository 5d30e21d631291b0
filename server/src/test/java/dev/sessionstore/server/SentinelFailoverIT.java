package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.RedisSentinelGroup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service on {@code redis-sentinel://} (a master, its replicas, three Sentinels started with {@code
 * redis-server --sentinel}) while 4 writers create sessions over HTTP: the master killed with SIGKILL, the time
 * until a write is acknowledged again measured, and the acknowledged sessions the promoted replica lacks counted.
 * Without {@code --redis-wait-replicas} the loss is measured and printed, not asserted (asynchronous replication may
 * lose the last writes); with {@code --redis-wait-replicas 1} nothing acknowledged may be lost. With WAIT the group
 * has two replicas: after the failover the promoted one needs the other to acknowledge writes again.
 */
class SentinelFailoverIT {
    /** Generous, for a noisy 2-core machine; the target (docs/server.md) is 5 s, the figure is printed. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "--redis-wait-replicas {0}, {1} replica(s)")
    @CsvSource({"0, 1", "1, 2"})
    void killingTheMasterUnderWriteLoad_failsOverWithinSeconds(int waitReplicas, int replicas) throws Exception {
        try (RedisSentinelGroup group = RedisSentinelGroup.start(replicas)) {
            List<String> args = new ArrayList<>(List.of(
                    "--port",
                    "0",
                    "--data-dir",
                    dataDir.toString(),
                    "--api-key",
                    TestServer.API_KEY,
                    "--redis-url",
                    group.uri(),
                    "--redis-wait-replicas",
                    Integer.toString(waitReplicas),
                    "--redis-wait-timeout-ms",
                    "500"));
            RedisServerProcess master = group.initialMaster();
            WriteLoad.Outcome outcome;
            try (SessionServer server = Main.start(args.toArray(String[]::new))) {
                URI base = URI.create("http://127.0.0.1:" + server.port());
                outcome = WriteLoad.killUnderLoad(base, TestServer.API_KEY, user -> true, master::kill, RECOVERY_BOUND);
            }
            System.out.printf(
                    "FAILOVER sentinel, --redis-wait-replicas %d, %d replica(s): %s; new master :%d (was :%d)%n",
                    waitReplicas, replicas, outcome.describe(), group.currentMasterPort(), master.port());
            assertThat(group.currentMasterPort()).as("a replica was promoted").isNotEqualTo(master.port());
            assertThat(outcome.recovery()).as(outcome.describe()).isPresent();
            if (waitReplicas > 0) {
                assertThat(outcome.lost()).as(outcome.describe()).isZero();
            }
        }
    }
}
