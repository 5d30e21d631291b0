package dev.sessionstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.spring.boot.secured.SecuredApp;
import dev.sessionstore.spring.session.SessionStoreRepository;
import dev.sessionstore.testkit.CountingStore;
import dev.sessionstore.testkit.RedisServerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.session.SessionRegistry;

/**
 * A Spring Security web app on a random port, its sessions in a private redis-server through the starter: login,
 * one store call per authenticated request, one session per user, the sessions endpoint, the cookie.
 */
class SecuredWebAppIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(SecuredApp.class)
                .properties(
                        "server.port=0",
                        "test.redis-url=" + redis.uri(),
                        "management.endpoints.web.exposure.include=health,sessions")
                .run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** One browser: its own session cookie. */
    private static final class Browser {
        private Optional<String> cookie = Optional.empty();
        private final HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            cookie.ifPresent(value -> request.header("Cookie", value));
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith("SESSION="))
                    .findFirst()
                    .ifPresent(header -> cookie = Optional.of(header.substring(0, header.indexOf(';'))));
            return response;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)));
        }

        HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static CountingStore store() {
        return app.getBean(CountingStore.class);
    }

    /** Waits until no store call has been made for 300 ms: earlier requests have finished saving. */
    private static void settled() {
        int[] last = {-1};
        await().pollInterval(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> {
                    int now = store().total();
                    boolean still = now == last[0];
                    last[0] = now;
                    return still;
                });
    }

    @Test
    void theStartersRepositoryFilterAndRegistryServeTheApp() {
        assertThat(app.getBean(SessionStoreRepository.class)).isNotNull();
        assertThat(app.getBean(SessionRegistry.class)).isInstanceOf(SessionStoreSessionRegistry.class);
    }

    @Test
    void anAuthenticatedRequestWithConcurrencyControlCostsOneStoreCall() throws Exception {
        Browser bob = new Browser();
        HttpResponse<String> login = bob.login("bob", "bob-pw");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(bob.get("/me").body()).isEqualTo("bob");

        settled();
        int before = store().total();
        HttpResponse<String> me = bob.get("/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("bob");
        // Spring Session saves once more after the response has reached the client: wait for that too
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(store().total() - before).isEqualTo(1));
    }

    @Test
    void aSecondLoginExpiresTheFirstSessionOfTheUser() throws Exception {
        Browser first = new Browser();
        assertThat(first.login("alice", "alice-pw").statusCode()).isEqualTo(200);
        assertThat(first.get("/me").body()).isEqualTo("alice");

        Browser second = new Browser();
        assertThat(second.login("alice", "alice-pw").statusCode()).isEqualTo(200);
        assertThat(second.get("/me").body()).isEqualTo("alice");

        // expireNow() revoked the first session: its cookie finds nothing, so the browser is sent to sign in
        HttpResponse<String> expired = first.get("/me");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(second.get("/me").body()).isEqualTo("alice");

        HttpResponse<String> sessions = new Browser().get("/actuator/sessions?username=alice");
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("\"sessions\"", "\"id\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("bob", "bob-pw");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }
}
