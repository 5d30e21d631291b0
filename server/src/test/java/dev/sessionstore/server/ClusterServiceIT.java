package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.sessionstore.coordination.RunOutcome;
import dev.sessionstore.server.jobs.MaintenanceJobs;
import dev.sessionstore.server.webhooks.WebhookConfig;
import dev.sessionstore.testkit.RedisClusterExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service with {@code --redis-cluster} on a private three-master Redis Cluster: the service API works,
 * the maintenance jobs run through the cluster (scheduler, statistics board, the expiry job), the admin
 * page shows their figures, and the webhook gets the events of the store's outbox from every node.
 */
class ClusterServiceIT {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Test
    void theServiceApiJobsAndAdminPage_workOnARedisCluster() throws IOException {
        List<String> events = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            events.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        WebhookConfig webhook = WebhookConfig.of(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        ServerConfig config = TestServer.config(
                ServerConfig.StoreKind.REDIS, Optional.of(cluster.uri(2)), true, Optional.of(webhook));
        try (TestServer server = TestServer.start(config)) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> created = server.send(server.api("/v1/sessions")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"user-" + (i % 10) + "\"}"))
                        .build());
                assertThat(created.statusCode()).isEqualTo(201);
                tokens.add(created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
            }
            for (String token : tokens) {
                HttpResponse<String> read = server.send(
                        server.api("/v1/session").header("Session-Token", token).build());
                assertThat(read.statusCode()).isEqualTo(200);
            }
            HttpResponse<String> listed =
                    server.send(server.api("/v1/users/user-3/sessions").build());
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body().split("\"id\"", -1)).hasSize(4);

            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(server.server
                                    .coordination()
                                    .stats()
                                    .latest()
                                    .flatMap(s -> s.liveSessions().isPresent()
                                            ? Optional.of(s.liveSessions().getAsLong())
                                            : Optional.empty()))
                            .contains(30L));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> server.server.coordination().history(MaintenanceJobs.EXPIRY, 10).stream()
                            .anyMatch(run -> run.outcome() == RunOutcome.SUCCEEDED));
            HttpResponse<String> admin = server.send(server.api("/admin").build());
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(figure(admin.body(), "id=\"live-sessions\">(\\d+)<"))
                    .as("live sessions on the admin page")
                    .isEqualTo(30);
            assertThat(figure(admin.body(), "Memory per session</span><span class=\"value\">(\\d+) B<"))
                    .as("MEMORY USAGE per session, summed over every node: a small session takes a few hundred bytes")
                    .isBetween(100L, 2048L);
            assertThat(figure(admin.body(), "Redis dataset</span><span class=\"value\">(\\d+) (?:B|KiB|MiB)<"))
                    .isPositive();
            assertThat(figure(admin.body(), "<span class=\"label\">(\\d+) (?:B|KiB|MiB) per live session<"))
                    .isPositive();

            HttpResponse<String> revoked =
                    server.send(server.api("/v1/users/user-3/sessions").DELETE().build());
            assertThat(revoked.body()).contains("\"revoked\":3");
            // the outbox on the cluster: every create and the three revocations reach the webhook
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> events.stream()
                                            .filter(e -> e.contains("\"type\":\"created\""))
                                            .count()
                                    == 30
                            && events.stream()
                                            .filter(e -> e.contains("\"type\":\"revoked\""))
                                            .count()
                                    == 3);
        } finally {
            receiver.stop(0);
        }
    }

    /** The number the first group of {@code regex} finds in the page. */
    private static long figure(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as("%s in the admin page", regex).isTrue();
        return Long.parseLong(m.group(1));
    }
}
