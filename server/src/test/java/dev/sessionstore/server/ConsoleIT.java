package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisBinary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's console as a new user meets it: a separate JVM started like {@code java -jar}, in the C/POSIX locale,
 * on the Redis binary bundled by {@code embedded-redis} (the default when no {@code redis-server} is installed).
 */
class ConsoleIT {
    @TempDir
    Path dataDir;

    @Test
    void inACLocale_onTheBundledRedis_theConsoleIsAscii_andHasNoPersistenceWarning() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.put("SESSIONSTORE_REDIS_SERVER", RedisBinary.bundled().toString());
        Process server = builder.start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(server.getInputStream(), console));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> text(console).contains("Press Ctrl-C to stop.") || !server.isAlive());
            String banner = text(console);
            assertThat(banner)
                    .contains("sessionstore-server is running")
                    .contains("persistence: AOF, appendfsync everysec")
                    .doesNotContain("WARNING");
        } finally {
            // SIGTERM, as Ctrl-C: the shutdown hook prints the stop line (Process.destroy would close the pipe first)
            server.toHandle().destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(10));
        }
        assertThat(text(console)).contains(Banner.STOPPING);
        assertThat(text(console)).as("only ASCII bytes").matches("\\p{ASCII}*");
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
