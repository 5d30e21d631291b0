package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each {@code --durability} through the command line: sessions created over HTTP by 4 writers, the embedded
 * redis-server killed with SIGKILL while they write, the service started again on the same data directory, and the
 * acknowledged sessions (201 answers) counted that read back. A SIGKILL of Redis loses nothing that reached the
 * operating system: with AOF ({@code everysec} and {@code always}) Redis writes the AOF before it answers, so nothing
 * acknowledged is lost (fsync matters for a power cut or an OS crash, which this test cannot cause: {@code everysec}
 * may then lose about a second). {@code rdb} loses every write since the last snapshot: the test has one written
 * halfway (as a save point would) and counts that exactly the sessions before it come back. {@code none} keeps
 * nothing.
 */
class DurabilityIT {
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+),");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "--durability {0}: lost {1}")
    @CsvSource({"always, none", "everysec, none", "rdb, after-snapshot", "none, all"})
    void killingRedisUnderWriteLoad_losesWhatTheDurabilityAllows(String durability, String lost) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        int beforeSnapshot = 0;
        int afterSnapshot = 0;
        String key;
        try (SessionServer server =
                Main.start("--port", "0", "--data-dir", dataDir.toString(), "--durability", durability)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            key = Files.readString(dataDir.resolve("api-key")).trim();
            Matcher pid = PID.matcher(server.backend().description());
            assertThat(pid.find()).as(server.backend().description()).isTrue();

            ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                String writer = "writer-" + w;
                writers.submit(() -> {
                    // a user per session: the per-user cap (50 live sessions) must not evict any of them
                    for (int i = 0; !stop.get(); i++) {
                        create(base, key, writer + "-" + i).ifPresent(tokens::add);
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            if (durability.equals("rdb")) {
                // a save point reached halfway: what the snapshot holds survives, what came after is lost
                while (tokens.size() < 150 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                beforeSnapshot = tokens.size();
                snapshot(server.backend().description());
                afterSnapshot = tokens.size();
            }
            while (tokens.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(tokens).as("sessions created before the kill").hasSizeGreaterThanOrEqualTo(300);

            // SIGKILL (the JDK's forcible destroy on Unix), without a kill program on the PATH
            ProcessHandle redis = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
            assertThat(redis.destroyForcibly()).isTrue();
            redis.onExit().get(10, TimeUnit.SECONDS);
            Thread.sleep(500); // writers now get 503s; what they got 201 for is what counts
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            acknowledged.addAll(tokens);
        }

        int found = 0;
        try (SessionServer again =
                Main.start("--port", "0", "--data-dir", dataDir.toString(), "--durability", durability)) {
            URI base = URI.create("http://127.0.0.1:" + again.port());
            for (String token : acknowledged) {
                HttpResponse<String> read = http.send(
                        HttpRequest.newBuilder(base.resolve("/v1/session?touch=false"))
                                .header("Authorization", "Bearer " + key)
                                .header("Session-Token", token)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() == 200) {
                    found++;
                }
            }
        }
        int missing = acknowledged.size() - found;
        System.out.printf(
                "DURABILITY --durability %s: %d acknowledged before SIGKILL of redis-server, %d lost%n",
                durability, acknowledged.size(), missing);
        switch (lost) {
            case "none" -> assertThat(missing).isZero();
            case "after-snapshot" -> {
                System.out.printf(
                        "DURABILITY --durability rdb: the snapshot was taken when %d-%d were acknowledged; %d read back%n",
                        beforeSnapshot, afterSnapshot, found);
                assertThat(found).isBetween(beforeSnapshot, afterSnapshot);
                assertThat(missing).isPositive();
            }
            default -> assertThat(found).isZero();
        }
    }

    /** Has the embedded Redis (its URL in the description) write a snapshot now, and waits until it has. */
    private static void snapshot(String description) throws InterruptedException {
        Matcher url = Pattern.compile("(redis://127\\.0\\.0\\.1:\\d+)").matcher(description);
        assertThat(url.find()).as(description).isTrue();
        RedisClient client = RedisClient.create(url.group(1));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            java.util.Date before = redis.lastsave();
            // LASTSAVE counts seconds: start the snapshot in a later second than the last one, so it shows
            while (System.currentTimeMillis() / 1000 <= before.getTime() / 1000) {
                Thread.sleep(20);
            }
            redis.bgsave();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!redis.lastsave().after(before) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(redis.lastsave()).as("a snapshot was written").isAfter(before);
        } finally {
            client.shutdown();
        }
    }

    private java.util.Optional<String> create(URI base, String key, String user) {
        try {
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(base.resolve("/v1/sessions"))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
