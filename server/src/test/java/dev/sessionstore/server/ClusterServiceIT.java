package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.RunOutcome;
import dev.sessionstore.server.jobs.MaintenanceJobs;
import dev.sessionstore.testkit.RedisClusterExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service with {@code --redis-cluster} on a private three-master Redis Cluster: the service API works,
 * the maintenance jobs run through the cluster (scheduler, statistics board, expiry scan) and the admin
 * page shows their figures.
 */
class ClusterServiceIT {
    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Test
    void theServiceApiJobsAndAdminPage_workOnARedisCluster() {
        ServerConfig config =
                TestServer.config(ServerConfig.StoreKind.REDIS, Optional.of(cluster.uri(2)), true, Optional.empty());
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

            HttpResponse<String> revoked =
                    server.send(server.api("/v1/users/user-3/sessions").DELETE().build());
            assertThat(revoked.body()).contains("\"revoked\":3");
        }
    }
}
