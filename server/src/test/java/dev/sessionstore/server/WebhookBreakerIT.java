package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.server.jobs.MaintenanceJobs;
import dev.sessionstore.server.webhooks.RetryPolicy;
import dev.sessionstore.server.webhooks.WebhookConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three server instances, each with its own coordination instance, on one private Redis, delivering session
 * events to a local receiver: the shared {@code webhook} breaker opens on every instance when the receiver fails,
 * and closes on every instance once it answers again; the maintenance job ran once per slot across them.
 */
class WebhookBreakerIT {
    private static final String API_KEY = TestServer.API_KEY;
    private static final Duration OPEN = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final AtomicInteger status = new AtomicInteger(500);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<SessionServer> servers = new ArrayList<>();
    private RedisServerProcess redis;
    private HttpServer receiver;

    @BeforeEach
    void start() throws IOException {
        redis = RedisServerProcess.startEphemeral();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int code = status.get();
            if (code == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        receiver.start();
        WebhookConfig webhook = WebhookConfig.of(
                        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                .withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50)))
                .withBreaker(BreakerConfig.defaults()
                        .withMinimumCalls(6)
                        .withWindow(Duration.ofSeconds(5))
                        .withOpenDuration(OPEN)
                        .withHalfOpenProbes(2)
                        .withPublishInterval(Duration.ofMillis(100)));
        for (int i = 0; i < 3; i++) {
            ServerConfig config =
                    TestServer.config(ServerConfig.StoreKind.REDIS, Optional.of(redis.uri()), Optional.of(webhook));
            servers.add(SessionServer.start(config, Clock.systemUTC()));
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(SessionServer::close);
        receiver.stop(0);
        redis.stop();
    }

    @Test
    void failingReceiver_opensTheBreakerOnEveryInstance_andItClosesEverywhereWhenTheReceiverRecovers() {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    createOnEveryInstance();
                    return servers.stream().allMatch(s -> breaker(s).state() == BreakerState.OPEN);
                });
        assertThat(requests.get()).as("the receiver was called").isPositive();
        assertThat(received).isEmpty();
        int whileOpen = requests.get();
        long refusedBefore = refused();
        createOnEveryInstance();
        await().atMost(Duration.ofSeconds(5)).until(() -> refused() >= refusedBefore + servers.size());
        assertThat(servers).allMatch(s -> breaker(s).state() == BreakerState.OPEN);
        assertThat(requests.get())
                .as("while open, attempts are refused without a call (at most one call per instance was in flight)")
                .isLessThanOrEqualTo(whileOpen + servers.size());

        status.set(200);
        Instant recovered = Instant.now();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    createOnEveryInstance();
                    return servers.stream().allMatch(s -> breaker(s).state() == BreakerState.CLOSED);
                });
        assertThat(Duration.between(recovered, Instant.now())).isGreaterThanOrEqualTo(OPEN.minusMillis(500));
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        // alice's sessions beyond the per-user cap (50) evict her oldest: those events come too
        assertThat(received)
                .allMatch(b -> (b.contains("\"type\":\"created\"") || b.contains("\"type\":\"evicted\""))
                        && !b.contains("sst_"));
    }

    @Test
    void statsJob_ranExactlyOncePerSlotAcrossTheInstances_andTheAdminPageShowsItsRuns() throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> servers.get(0)
                                .coordination()
                                .history(MaintenanceJobs.STATS, 100)
                                .size()
                        >= 4);
        List<JobRun> runs = servers.get(2).coordination().history(MaintenanceJobs.STATS, 100);
        Map<Instant, Long> perSlot = runs.stream().collect(Collectors.groupingBy(JobRun::slot, Collectors.counting()));
        assertThat(perSlot.values()).containsOnly(1L);
        List<String> ids =
                servers.stream().map(s -> s.coordination().instanceId()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(runs).allMatch(r -> ids.contains(r.instance()));

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + servers.get(1).port() + "/admin"))
                        .header("Authorization", "Bearer " + API_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-job=\"" + MaintenanceJobs.STATS + "\"")
                .contains(runs.get(0).instance())
                .contains("data-breaker=\"webhook\"");
    }

    @Test
    void adminForm_forcesTheBreakerForEveryInstance_andRefusesAFormWithoutItsCsrfToken() throws Exception {
        String admin = adminCookie(servers.get(0));
        String page = send(servers.get(0), "/admin", admin, null).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field on the admin page").isTrue();
        String csrf = m.group(1);

        assertThat(send(servers.get(0), "/admin/breakers", admin, "csrf=wrong&breaker=webhook&force=open")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(servers.get(0), "/admin/breakers", admin, "csrf=" + csrf + "&breaker=webhook&force=open")
                        .statusCode())
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> servers.stream().allMatch(s -> breaker(s).state() == BreakerState.FORCED_OPEN));
        assertThat(send(servers.get(1), "/admin", null, null).body()).contains(">forced open<");

        send(servers.get(0), "/admin/breakers", admin, "csrf=" + csrf + "&breaker=webhook&force=clear");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> servers.stream().allMatch(s -> breaker(s).state() == BreakerState.CLOSED));
    }

    @Test
    void forcingWithTheApiKeyAsBearer_needsNoCsrfToken_butAWrongKeyOrNoCredentialIsRefused() throws Exception {
        assertThat(send(servers.get(2), "/admin/breakers", "", "breaker=webhook&force=open")
                        .statusCode())
                .as("no credential")
                .isEqualTo(403);
        HttpResponse<String> wrongKey = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + servers.get(2).port() + "/admin/breakers"))
                        .header("Authorization", "Bearer " + "x".repeat(API_KEY.length()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("breaker=webhook&force=open"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKey.statusCode()).as("a wrong API key").isEqualTo(403);
        assertThat(servers).allMatch(s -> breaker(s).state() == BreakerState.CLOSED);

        assertThat(send(servers.get(2), "/admin/breakers", null, "breaker=webhook&force=open")
                        .statusCode())
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> servers.stream().allMatch(s -> breaker(s).state() == BreakerState.FORCED_OPEN));
        assertThat(send(servers.get(2), "/admin/breakers", null, "breaker=webhook&force=clear")
                        .statusCode())
                .isEqualTo(303);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> servers.stream().allMatch(s -> breaker(s).state() == BreakerState.CLOSED));
    }

    /** Signs in to the admin page with the API key as a browser does; returns the admin cookie. */
    private String adminCookie(SessionServer s) throws Exception {
        HttpResponse<String> form = send(s, "/admin", "", null);
        String loginCsrf = cookie(form, "__Host-csrf");
        HttpResponse<String> login =
                send(s, "/admin/login", "__Host-csrf=" + loginCsrf, "csrf=" + loginCsrf + "&apiKey=" + API_KEY);
        assertThat(login.statusCode()).isEqualTo(303);
        return "__Host-admin=" + cookie(login, "__Host-admin");
    }

    private static String cookie(HttpResponse<String> res, String name) {
        return res.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    /** GET (form null) or form POST; {@code cookies} null sends the API key instead. */
    private HttpResponse<String> send(SessionServer s, String path, String cookies, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(5));
        if (cookies == null) {
            b.header("Authorization", "Bearer " + API_KEY);
        } else if (!cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long refused() {
        return servers.stream()
                .mapToLong(s -> s.coordination().webhookStats().orElseThrow().refusedAttempts())
                .sum();
    }

    private static CircuitBreaker breaker(SessionServer s) {
        return s.coordination().breakers().stream()
                .filter(b -> b.name().equals(WebhookConfig.BREAKER))
                .findFirst()
                .orElseThrow();
    }

    private void createOnEveryInstance() {
        for (SessionServer s : servers) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/sessions"))
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"alice\"}"))
                    .build();
            try {
                HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(res.statusCode()).isEqualTo(201);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
