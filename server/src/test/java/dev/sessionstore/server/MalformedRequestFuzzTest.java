package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends 10,000 generated malformed requests over real HTTP (the JDK client, and raw sockets for broken framing and
 * header injection) and requires that none gets a 5xx and that the service is still healthy afterwards.
 */
class MalformedRequestFuzzTest {
    private static final int CLIENT_REQUESTS = 8_500;
    private static final int RAW_REQUESTS = 1_500;
    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "HEAD");
    private static final List<String> PATHS = List.of(
            "/v1/sessions",
            "/v1/session",
            "/v1/session/rotate",
            "/v1/users/%s/sessions",
            "/v1/sessions/%s",
            "/v1/indexes/%s/%s/sessions",
            "/login",
            "/sessions/revoke",
            "/logout",
            "/admin",
            "/admin/login");

    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void tenThousandMalformedRequests_getNo5xx_andTheServiceStaysHealthy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int worker = 0; worker < 8; worker++) {
            long seed = 42 + worker;
            pool.submit(() -> clientRequests(new MalformedInput(seed), CLIENT_REQUESTS / 8));
            pool.submit(() -> rawRequests(new MalformedInput(seed * 31), RAW_REQUESTS / 8 + 1));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(failures).isEmpty();
        HttpResponse<String> live =
                server.send(server.request("/health/live").GET().build());
        assertThat(live.statusCode()).isEqualTo(200);
        HttpResponse<String> create = server.send(
                server.api("/v1/sessions").POST(BodyPublishers.noBody()).build());
        assertThat(create.statusCode()).isEqualTo(201);
    }

    private void clientRequests(MalformedInput in, int count) {
        for (int i = 0; i < count; i++) {
            HttpRequest request;
            try {
                request = clientRequest(in);
            } catch (IllegalArgumentException e) {
                i--; // the JDK client refused to build it (e.g. a header it forbids): generate another
                continue;
            }
            try {
                HttpResponse<String> res = server.http().send(request, HttpResponse.BodyHandlers.ofString());
                sent.incrementAndGet();
                if (res.statusCode() >= 500) {
                    failures.putIfAbsent(
                            request.method() + " " + request.uri() + " -> " + res.statusCode(), res.body());
                }
            } catch (IOException e) {
                sent.incrementAndGet(); // the server closed the connection: not a 5xx
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpRequest clientRequest(MalformedInput in) {
        String path = String.format(in.pick(PATHS), in.pathSegment(), in.pathSegment());
        if (in.nextInt(8) == 0) {
            path += "?touch=" + in.pathSegment() + "&except=" + in.pathSegment();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        b.timeout(java.time.Duration.ofSeconds(20));
        if (in.nextInt(10) > 0) {
            b.header("Authorization", "Bearer " + (in.nextInt(10) == 0 ? in.asciiHeaderValue() : TestServer.API_KEY));
        }
        if (in.nextInt(3) > 0) {
            b.header("Session-Token", in.nextInt(2) == 0 ? in.asciiHeaderValue() : "sst_" + in.asciiHeaderValue());
        }
        if (in.nextInt(4) == 0) {
            b.header("If-Match", in.asciiHeaderValue());
        }
        if (in.nextInt(6) == 0) {
            b.header("Cookie", "__Host-sid=" + in.asciiHeaderValue() + "; __Host-admin=" + in.asciiHeaderValue());
        }
        String type = in.pick(List.of(
                "application/json",
                "application/json; charset=utf-8",
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/",
                "*/*",
                ";;;",
                in.asciiHeaderValue()));
        b.header("Content-Type", type);
        String method = in.pick(METHODS);
        String body = in.body();
        return b.method(method, method.equals("HEAD") ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
    }

    private void rawRequests(MalformedInput in, int count) {
        for (int i = 0; i < count; i++) {
            String request = in.rawRequest(TestServer.API_KEY);
            String status = rawExchange(request);
            sent.incrementAndGet();
            if (status.matches("HTTP/1\\.\\d 5\\d\\d.*")) {
                failures.putIfAbsent(request.replace("\r", "\\r").replace("\n", "\\n"), status);
            }
        }
    }

    /** The status line of the response, or "" if the server closed the connection without one. */
    private static String rawExchange(String request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", server.port()), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        } catch (IOException e) {
            return "";
        }
    }
}
