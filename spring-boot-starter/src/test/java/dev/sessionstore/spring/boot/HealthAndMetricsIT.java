package dev.sessionstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionStore;
import dev.sessionstore.spring.boot.app.WebApp;
import dev.sessionstore.testkit.RedisServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A real web app on a random port, its store on a private redis-server: health, meters, shutdown. */
class HealthAndMetricsIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final HttpClient http = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(WebApp.class)
                .properties(
                        "server.port=0",
                        "sessionstore.redis-url=" + redis.uri(),
                        "management.endpoints.web.exposure.include=health,metrics",
                        "management.endpoint.health.show-components=always")
                .run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthShowsTheStoreUpThenDownWhileItsRedisIsStoppedThenUpAgain() throws Exception {
        HttpResponse<String> up = get("/actuator/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"sessionStore\":{\"status\":\"UP\"");

        redis.server().stop();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> down = get("/actuator/health");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"sessionStore\":{\"status\":\"DOWN\"");
            });
        } finally {
            redis.server().start();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(get("/actuator/health").body()).contains("\"sessionStore\":{\"status\":\"UP\""));
    }

    @Test
    void everyStoreOperationIsTimedWithItsOutcome() throws Exception {
        SessionStore store = app.getBean(SessionStore.class);
        store.create(NewSession.builder().userId("alice").build());
        store.listByUser("alice");
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        assertThat(registry.get(MeteredSessionStore.TIMER)
                        .tag("op", "create")
                        .tag("outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThatThrownBy(() -> store.listByIndex("not an index name!", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.get(MeteredSessionStore.TIMER)
                        .tag("op", "listByIndex")
                        .tag("outcome", "error")
                        .timer()
                        .count())
                .isEqualTo(1);
        HttpResponse<String> metric = get("/actuator/metrics/" + MeteredSessionStore.TIMER);
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"op\"", "\"outcome\"");
    }
}
