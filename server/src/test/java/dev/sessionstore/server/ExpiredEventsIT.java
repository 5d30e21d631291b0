package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.server.webhooks.WebhookConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's expiry test, through the service at its default upkeep interval (1 s): 1,000 short sessions (idle
 * timeouts of 1 to 3 s, half of them with a user), each gets its {@code expired} webhook event, none before its
 * expiry; the lateness (arrival at the receiver minus expiry) is printed as p50 / p99 / max.
 */
class ExpiredEventsIT {
    private static final int SESSIONS = 1_000;
    private static final Pattern EXPIRED =
            Pattern.compile("\"type\":\"expired\",\"sessionId\":\"([^\"]+)\".*\"time\":\"([^\"]+)\"");
    private static final Pattern CREATED =
            Pattern.compile("\"session\":\\{\"id\":\"([^\"]+)\".*\"expiresAt\":\"([^\"]+)\"");

    @Test
    void thousandShortSessions_everyOneExpiresOnce_neverEarly() throws Exception {
        Map<String, Instant> arrived = new ConcurrentHashMap<>();
        Map<String, Instant> eventTime = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        RedisServerProcess redis = RedisServerProcess.startEphemeral();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Instant now = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = EXPIRED.matcher(body);
            if (m.find() && arrived.putIfAbsent(m.group(1), now) == null) {
                eventTime.put(m.group(1), Instant.parse(m.group(2)));
            } else if (m.find(0)) {
                duplicates.add(m.group(1));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        WebhookConfig webhook = WebhookConfig.of(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        ServerConfig config =
                TestServer.config(ServerConfig.StoreKind.REDIS, Optional.of(redis.uri()), Optional.of(webhook));
        assertThat(config.maintenance().upkeepInterval())
                .as("the default interval")
                .isEqualTo(dev.sessionstore.server.jobs.MaintenanceOptions.defaults()
                        .upkeepInterval());
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Instant> expiresAt = new ConcurrentHashMap<>();
        try (TestServer server = TestServer.start(config)) {
            for (int i = 0; i < SESSIONS; i++) {
                String body = "{\"idleTimeoutSeconds\":" + (1 + i % 3)
                        + (i % 2 == 0 ? ",\"userId\":\"user" + (i % 40) + "\"" : "") + "}";
                HttpResponse<String> res = http.send(
                        server.api("/v1/sessions")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
                Matcher m = CREATED.matcher(res.body());
                assertThat(m.find()).isTrue();
                expiresAt.put(m.group(1), Instant.parse(m.group(2)));
            }
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> arrived.keySet().containsAll(expiresAt.keySet()));
        } finally {
            receiver.stop(0);
            redis.stop();
        }
        assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(expiresAt.keySet());
        List<Long> lateness = new ArrayList<>();
        expiresAt.forEach((id, expiry) -> {
            assertThat(eventTime.get(id))
                    .as("the event's time is the session's expiry")
                    .isEqualTo(expiry);
            assertThat(arrived.get(id)).as("never before its expiry").isAfterOrEqualTo(expiry);
            lateness.add(Duration.between(expiry, arrived.get(id)).toMillis());
        });
        Collections.sort(lateness);
        // the target is 2 s at p99 (docs/server.md has the measured figures); this bound only catches a regression
        // to scan-like lateness without failing on a starved shared machine
        assertThat(lateness.get(lateness.size() * 99 / 100)).isLessThan(10_000L);
        System.out.printf(
                "ExpiredEventsIT: %d sessions, %d expired events (%d duplicate deliveries); lateness at the receiver"
                        + " p50 %d ms, p99 %d ms, max %d ms (upkeep every 1 s)%n",
                SESSIONS,
                arrived.size(),
                duplicates.size(),
                lateness.get(lateness.size() / 2),
                lateness.get(lateness.size() * 99 / 100),
                lateness.get(lateness.size() - 1));
    }
}
