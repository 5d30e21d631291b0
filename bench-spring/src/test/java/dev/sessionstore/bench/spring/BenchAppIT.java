package dev.sessionstore.bench.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.SessionStore;
import dev.sessionstore.spring.session.SessionStoreRepository;
import dev.sessionstore.spring.session.SessionStoreRepositoryFilter;
import dev.sessionstore.testkit.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;

/** Each layer's app on a random port, its sessions on a private redis-server: login, the page, whose keys. */
class BenchAppIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final HttpClient http = HttpClient.newHttpClient();
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(redis.uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void emptyRedis() {
        connection.sync().flushall();
    }

    @ParameterizedTest
    @EnumSource(Layer.class)
    void login_thenPage_readsTheSessionAttribute_fromTheLayersKeysOnly(Layer layer) throws Exception {
        try (ConfigurableApplicationContext app = BenchApp.builder(layer)
                .properties("bench.port=0", "bench.users=2", "bench.redis-url=" + redis.uri())
                .run()) {
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();

            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=bench-2&password=bench-pass"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(204);
            String cookie =
                    login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            assertThat(cookie).startsWith("SESSION=");

            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/page"))
                            .header("Cookie", cookie)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<p>Hello bench-2</p>\n");

            List<String> keys = connection.sync().keys("*");
            if (layer == Layer.SESSIONSTORE) {
                assertThat(keys).isNotEmpty().allMatch(key -> key.startsWith("ss:"));
                assertThat(app.getBeanProvider(RedisConnectionFactory.class).getIfAvailable())
                        .isNull();
                // the starter's own Spring Session beans, nothing declared by the app
                assertThat(app.getBean(SessionRepository.class)).isInstanceOf(SessionStoreRepository.class);
                assertThat(app.getBean("springSessionRepositoryFilter"))
                        .isInstanceOf(SessionStoreRepositoryFilter.class);
            } else if (layer == Layer.SPRING_SESSION_MAP) {
                // the ceiling: sessions stay in the JVM, nothing of either Redis layer is started
                assertThat(keys).isEmpty();
                assertThat(app.getBean(SessionRepository.class)).isInstanceOf(MapSessionRepository.class);
                assertThat(app.getBeanProvider(RedisConnectionFactory.class).getIfAvailable())
                        .isNull();
                assertThat(app.getBeanProvider(SessionStore.class).getIfAvailable())
                        .isNull();
            } else {
                assertThat(keys).isNotEmpty().allMatch(key -> key.startsWith("spring:session:"));
                assertThat(app.getBeanProvider(SessionStore.class).getIfAvailable())
                        .isNull();
            }
            assertThat(app.getBeansOfType(SessionRepository.class)).hasSize(1);
        }
    }

    @Test
    void anUnknownLayer_isRefusedByName() {
        assertThatThrownBy(() -> Layer.of("redis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bench.layer must be one of sessionstore, spring-session, spring-session-indexed,"
                        + " spring-session-map, got 'redis'");
    }
}
