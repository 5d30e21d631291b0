package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.PosixSignals;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lock holder in a child JVM is SIGSTOPped past its lease; another instance takes over. */
class LockPauseIT {

    @Test
    void pausedHolder_resumes_fencedWriteRejected_andToldLeaseLost() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral();
                Coordination other =
                        RedisFixture.instance(redis, "other", Clock.systemUTC(), SchedulerOptions.defaults())) {
            Process child = startChild(redis.uri(), "report", 1000);
            try {
                var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String acquired = out.readLine();
                assertThat(acquired).startsWith("ACQUIRED ");
                long childFence = Long.parseLong(acquired.substring("ACQUIRED ".length()));
                signal("STOP", child.pid());

                FencedLease taken = await().atMost(Duration.ofSeconds(5))
                        .until(
                                () -> other.locks().tryAcquire("report", LockOptions.lease(Duration.ofSeconds(30))),
                                Optional::isPresent)
                        .orElseThrow();
                assertThat(taken.fence()).isGreaterThan(childFence);
                RedisClient client = RedisClient.create(redis.uri());
                try (var connection = client.connect()) {
                    var writes = new RedisFencedWrites(connection.sync());
                    assertThat(writes.write("report.data", "from-other", taken.fence()))
                            .isTrue();

                    signal("CONT", child.pid());
                    try (Writer in = child.outputWriter(StandardCharsets.UTF_8)) {
                        in.write("WRITE\n");
                    }
                    assertThat(out.readLine()).isEqualTo("WRITE false");
                    assertThat(out.readLine()).isEqualTo("LOST true 1");
                    assertThat(writes.read("report.data")).contains("from-other");
                } finally {
                    client.shutdown();
                }
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isZero();
                assertThat(taken.isLost()).isFalse();
                taken.close();
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static Process startChild(String uri, String lock, long leaseMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the tests run on the module path: the child gets the modules' jars on its class path too
        String modules = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        modules == null ? classPath : classPath + File.pathSeparator + modules,
                        LockHolderMain.class.getName(),
                        uri,
                        lock,
                        Long.toString(leaseMillis))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void signal(String signal, long pid) {
        PosixSignals.send(pid, signal);
    }
}
