package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.SessionToken;
import dev.sessionstore.embedded.RedisServerProcess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service on the Redis store, against a private redis-server. */
class RedisServiceIT {
    private RedisServerProcess redis;
    private TestServer server;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
        server = TestServer.redis(redis.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        redis.close();
    }

    @Test
    void aRedisWithoutPersistence_isReportedWithAWarning() {
        assertThat(server.server.backend().description()).contains("persistence: none");
        assertThat(server.server.backend().warnings()).anyMatch(w -> w.contains("will NOT survive a Redis restart"));
    }

    @Test
    void createReadAndList_workOnRedis_andTheAdminPageCountsLiveSessions() {
        HttpResponse<String> created = server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"userId\":\"rita\",\"attributes\":{\"x\":1}}"))
                .build());
        assertThat(created.statusCode()).isEqualTo(201);
        String token = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> read = server.send(
                server.api("/v1/session").header("Session-Token", token).GET().build());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(server.send(server.api("/v1/users/rita/sessions").GET().build())
                        .body())
                .contains("\"userId\":\"rita\"");

        // the count comes from the statistics job (every second in tests), not from the page view
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> admin =
                    server.send(server.api("/admin?user=rita").GET().build());
            assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
            assertThat(admin.body()).contains("<span class=\"value\" id=\"live-sessions\">1</span>");
        });
    }

    @Test
    void redisDown_gives503WithRetryAfter_withinTheCommandTimeoutPlus100ms() {
        String token = SessionToken.generateAnonymous().reveal();
        redis.kill();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            HttpResponse<String> res = server.send(server.api("/v1/session")
                    .header("Session-Token", token)
                    .GET()
                    .build());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(res.statusCode()).isEqualTo(503);
            assertThat(res.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        Collections.sort(millis);
        assertThat(millis.get(2)).as("median of %s ms", millis).isLessThan(500 + 100);
        assertThat(server.send(server.request("/health/ready").GET().build()).statusCode())
                .isEqualTo(503);
        assertThat(server.send(server.request("/health/live").GET().build()).statusCode())
                .isEqualTo(200);
    }
}
