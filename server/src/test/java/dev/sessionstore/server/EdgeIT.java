package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.server.edge.EdgeOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service edge, in process: slow requests and idle connections are closed, connections above the cap are refused
 * with a 503, and normal requests are served all along. Timeouts are short (1-2 s) so the tests stay fast; bounds are
 * generous (2 cores, noisy).
 */
class EdgeIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "GET /health/li",
                "GET /health/live HTTP/1.1\r\nHost: localhost\r\n",
                "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestServer.API_KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
            })
    void aRequestKeptHalfSent_isClosedAfterTheReadTimeout_whileOthersAreServed(String prefix) throws Exception {
        // idle timeout far away: only the read timeout can close it
        try (TestServer server = TestServer.memory(new EdgeOptions(Duration.ofMinutes(5), READ_TIMEOUT, 100));
                RawConnection slow = new RawConnection(server.server.port());
                ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor()) {
            long start = System.nanoTime();
            slow.send(prefix);
            // one more byte every 200 ms: each read gets data, only the request as a whole is late
            String more = prefix.endsWith("{") ? " " : prefix.contains("\r\n") ? "X" : "v";
            drip.scheduleAtFixedRate(() -> slow.send(more), 200, 200, TimeUnit.MILLISECONDS);

            for (int i = 0; i < 5; i++) {
                assertThat(server.send(server.request("/health/live").build()).statusCode())
                        .isEqualTo(200);
            }
            assertThat(slow.awaitClosedByServer()).as("closed by the server").isTrue();
            Duration open = Duration.ofNanos(System.nanoTime() - start);
            assertThat(open).isBetween(READ_TIMEOUT, READ_TIMEOUT.plusSeconds(5));
            assertThat(server.send(server.request("/metrics").build()).body())
                    .contains("sessionstore_edge_connections_read_timeouts_total 1.0");
        }
    }

    @Test
    void aKeptAliveConnection_isClosedAfterTheIdleTimeout_andOneThatNeverSpeaksToo() {
        try (TestServer server = TestServer.memory(new EdgeOptions(IDLE_TIMEOUT, Duration.ofMinutes(1), 100));
                RawConnection used = new RawConnection(server.server.port());
                RawConnection silent = new RawConnection(server.server.port())) {
            long start = System.nanoTime();
            assertThat(used.get("/health/live")).isEqualTo(200);
            assertThat(used.awaitClosedByServer()).isTrue();
            assertThat(silent.awaitClosedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("Helidon's idle clock ticks by the second")
                    .isBetween(IDLE_TIMEOUT.minusSeconds(1), IDLE_TIMEOUT.plusSeconds(5));
        }
    }

    @Test
    void aConnectionWhoseResponseSaidClose_isClosedAtOnce_notAtTheIdleTimeout() {
        try (TestServer server = TestServer.memory(new EdgeOptions(Duration.ofMinutes(1), Duration.ofMinutes(1), 100));
                RawConnection c = new RawConnection(server.server.port())) {
            c.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            RawConnection.Response r = c.readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.head()).contains("Connection: close");
            long start = System.nanoTime();
            assertThat(c.awaitClosedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aConnectionAboveTheCap_isAnswered503AndClosed_andServedOnceOneCloses() throws Exception {
        int cap = 4;
        try (TestServer server =
                TestServer.memory(new EdgeOptions(Duration.ofMinutes(1), Duration.ofMinutes(1), cap))) {
            List<RawConnection> held = new ArrayList<>();
            try {
                for (int i = 0; i < cap; i++) {
                    RawConnection c = new RawConnection(server.server.port());
                    held.add(c);
                    assertThat(c.get("/health/live"))
                            .as("connection %d is served", i)
                            .isEqualTo(200);
                }
                assertThat(held.getFirst().get("/health/ready"))
                        .as("not ready: no room for another connection")
                        .isEqualTo(503);

                // what an ordinary client sees: a 503 response, not a connection error
                HttpClient other = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpResponse<String> refused =
                        other.send(server.request("/health/live").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).contains("too-many-connections").contains("maximum of 4 connections");
                // and on a raw socket, the refusal comes without a request, then the connection closes
                try (RawConnection raw = new RawConnection(server.server.port())) {
                    RawConnection.Response r = raw.readResponse();
                    assertThat(r.status()).isEqualTo(503);
                    assertThat(r.head()).contains("Connection: close");
                    raw.close();
                }

                held.removeFirst().close();
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(other.send(
                                                server.request("/health/live").build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .statusCode())
                                .isEqualTo(200));
                assertThat(held.getFirst().get("/metrics")).isEqualTo(200);
            } finally {
                held.forEach(RawConnection::close);
            }
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(
                                    server.send(server.request("/health/ready").build())
                                            .statusCode())
                            .isEqualTo(200));
        }
    }

    /**
     * Not a pass/fail measure (no timed assertion on a noisy machine): prints the latency of normal requests alone,
     * during a flood of idle and slowloris connections, and alone again; docs/server.md "The edge, measured" quotes
     * it. Run:
     * {@code mvn -pl server verify -Dit.test=EdgeIT#normalRequests_areServed_duringAFloodOfIdleAndSlowConnections}.
     */
    @Test
    void normalRequests_areServed_duringAFloodOfIdleAndSlowConnections() throws Exception {
        int idle = 300;
        int slow = 300;
        // timeouts longer than the measurement, so that the flood lasts all through it
        try (TestServer server =
                        TestServer.memory(new EdgeOptions(Duration.ofSeconds(60), Duration.ofSeconds(60), 10_000));
                ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor()) {
            HttpRequest create = server.api("/v1/sessions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\"}"))
                    .build();
            measure(server, create, 300); // warm-up
            Latency before = measure(server, create, 500);

            List<RawConnection> flood = new ArrayList<>();
            try {
                for (int i = 0; i < idle + slow; i++) {
                    RawConnection c = new RawConnection(server.server.port());
                    flood.add(c);
                    if (i >= idle) {
                        c.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");
                    }
                }
                List<RawConnection> slowOnes = flood.subList(idle, idle + slow);
                drip.scheduleAtFixedRate(() -> slowOnes.forEach(c -> c.send("X")), 0, 500, TimeUnit.MILLISECONDS);
                Latency flooded = measure(server, create, 500);
                drip.shutdownNow();
                flood.forEach(RawConnection::close);
                Latency after = measure(server, create, 500);
                System.out.printf(
                        "EDGE LATENCY (POST /v1/sessions, memory store, 500 sequential requests each):%n"
                                + "  alone, before:                       %s%n"
                                + "  with %d idle + %d slowloris conns:  %s%n"
                                + "  alone, after:                        %s%n",
                        before, idle, slow, flooded, after);
            } finally {
                flood.forEach(RawConnection::close);
            }
        }
    }

    private static Latency measure(TestServer server, HttpRequest request, int n) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertThat(server.send(request).statusCode()).isEqualTo(201);
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        return new Latency(nanos[n / 2], nanos[n * 99 / 100], nanos[n - 1]);
    }

    private record Latency(long p50, long p99, long max) {
        @Override
        public String toString() {
            return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", p50 / 1e6, p99 / 1e6, max / 1e6);
        }
    }
}
