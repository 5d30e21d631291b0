package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.PendingMessages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's delivery test: three service processes on one private Redis feed one webhook receiver from the shared
 * consumer group; one is killed with SIGKILL while 1,000 changes flow. Every acknowledged change's event reaches the
 * receiver at least once (the dead instance's pending events are claimed by the others); duplicates are counted and
 * printed.
 */
class OutboxDeliveryIT {
    private static final String API_KEY = TestServer.API_KEY;
    private static final int CHANGES = 1_000;
    private static final Pattern EVENT =
            Pattern.compile("\"id\":\"([^\"]+)\",\"type\":\"([a-z]+)\",\"sessionId\":\"([^\"]+)\"");
    private static final Pattern CREATED_ID = Pattern.compile("\"session\":\\{\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    /** Event id to how many times it arrived; "type sessionId" of every event that arrived. */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private final Set<String> changesSeen = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Process> instances = new ArrayList<>();
    private RedisServerProcess redis;
    private HttpServer receiver;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : instances) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void threeInstances_oneKilled_everyAcknowledgedChangeIsDeliveredAtLeastOnce() throws Exception {
        redis = RedisServerProcess.startEphemeral();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                // a receiver slower than the changes; stalled (and then failing) around the kill, so that every
                // instance, the killed one included, holds events it read and has not acknowledged
                Thread.sleep(stalled.get() ? 1_500 : 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Matcher m = EVENT.matcher(body);
            if (stalled.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (m.find()) {
                deliveries.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                changesSeen.add(m.group(2) + " " + m.group(3));
            }
            exchange.sendResponseHeaders(m.find(0) ? 204 : 400, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // one after the other: three JVMs starting at once starve two cores
            ports.add(startReady(i + 1));
        }

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger killedAt = new AtomicInteger(-1);
        java.util.concurrent.atomic.AtomicLong orphaned = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean dead = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.add(Thread.ofVirtual().start(() -> {
                List<String> tokens = new ArrayList<>();
                for (int i = worker; changes.get() < CHANGES; i++) {
                    if (worker == 0 && changes.get() >= CHANGES / 3 && !dead.get()) {
                        stalled.set(true);
                        try {
                            Thread.sleep(1_000);
                            instances.get(1).toHandle().destroyForcibly(); // SIGKILL, mid-flow
                            instances.get(1).waitFor(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            return;
                        }
                        dead.set(true);
                        killedAt.set(changes.get());
                        orphaned.set(pendingOf("outbox-2"));
                        stalled.set(false);
                    }
                    int slot = i % 3;
                    if (dead.get() && slot == 1) {
                        continue; // the dead instance answers nothing: its clients go to the others
                    }
                    int port = ports.get(slot);
                    if (i % 4 == 3 && !tokens.isEmpty()) {
                        String[] t = tokens.remove(tokens.size() - 1).split(" ");
                        if (send(port, "DELETE", "/v1/session", t[0], null).status() == 204
                                && changes.getAndIncrement() < CHANGES) {
                            acknowledged.add("revoked " + t[1]);
                        }
                    } else {
                        Reply res = send(port, "POST", "/v1/sessions", null, "{\"userId\":\"u" + (i % 50) + "\"}");
                        if (res.status() == 201) {
                            Matcher id = CREATED_ID.matcher(res.body());
                            Matcher token = TOKEN.matcher(res.body());
                            if (!(id.find() && token.find())) {
                                throw new AssertionError(res.body());
                            }
                            tokens.add(token.group(1) + " " + id.group(1));
                            if (changes.getAndIncrement() < CHANGES) {
                                acknowledged.add("created " + id.group(1));
                            }
                        }
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        assertThat(acknowledged).hasSize(CHANGES);
        assertThat(dead).isTrue();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> changesSeen.containsAll(acknowledged));
        int received = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
        int duplicates = received - deliveries.size();
        System.out.printf(
                "OutboxDeliveryIT: %d acknowledged changes, instance 2 killed (SIGKILL) after %d; the receiver got"
                        + " %d deliveries of %d distinct events, %d duplicate(s); the killed instance held %d"
                        + " unacknowledged event(s), delivered by the others%n",
                CHANGES, killedAt.get(), received, deliveries.size(), duplicates, orphaned.get());
        assertThat(orphaned.get())
                .as("events the killed instance had read and not acknowledged")
                .isPositive();
        assertThat(changesSeen).containsAll(acknowledged);
        assertThat(duplicates).isNotNegative();
    }

    /**
     * Starts instance {@code n} and waits until it is ready; returns its port. A port found free may be taken by
     * another process before the instance binds it: then it starts again on another port, three times in all.
     */
    private int startReady(int n) throws IOException {
        Path log = dataDir.resolve("i" + n + ".log");
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process p = startInstance(n, port);
            instances.add(p);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> !p.isAlive() || get(port, "/health/ready") == 200);
            if (p.isAlive()) {
                return port;
            }
            instances.remove(p); // instances.get(i) is instance i + 1
            String output = Files.readString(log);
            if (attempt == 3 || !output.contains("Address already in use")) {
                throw new AssertionError("instance " + n + " did not start: " + output);
            }
        }
    }

    private Process startInstance(int n, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        dataDir.resolve("i" + n).toString(),
                        "--redis-url",
                        redis.uri(),
                        "--api-key",
                        API_KEY,
                        "--instance-id",
                        "outbox-" + n,
                        "--webhook-url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "--webhook-claim-after-seconds",
                        "2",
                        "--redis-timeout-ms",
                        "5000")) // a shared 2-core machine starting three JVMs: no spurious timeouts
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("i" + n + ".log").toFile());
        return builder.start();
    }

    private int get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** An answer, or status 0 when none came (the change is then not acknowledged and does not count). */
    private record Reply(int status, String body) {}

    private Reply send(int port, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + API_KEY)
                .timeout(Duration.ofSeconds(5))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Session-Token", token);
        }
        try {
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(res.statusCode(), res.body());
        } catch (IOException e) {
            return new Reply(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "");
        }
    }

    /** Events read by {@code consumer} of the webhook group and not acknowledged, over the 256 tag streams. */
    private long pendingOf(String consumer) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            long n = 0;
            for (int tag = 0; tag < 256; tag++) {
                String stream = "ss:{" + HexFormat.of().toHexDigits((byte) tag) + "}:e";
                PendingMessages pending = c.sync().xpending(stream, "webhook");
                n += pending.getConsumerMessageCount().getOrDefault(consumer, 0L);
            }
            return n;
        } finally {
            client.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
