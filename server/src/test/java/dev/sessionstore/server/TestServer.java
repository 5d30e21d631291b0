package dev.sessionstore.server;

import dev.sessionstore.server.events.MaintenanceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A server on a free port with a fixed API key, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final String API_KEY = "test-api-key-0123456789abcdef";

    final SessionServer server;
    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Path dataDir;

    private TestServer(SessionServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** In-memory store: no Redis needed. */
    static TestServer memory() {
        return start(base().withStore(ServerConfig.StoreKind.MEMORY));
    }

    /** The Redis store against the given Redis. */
    static TestServer redis(String uri) {
        return start(base().withRedisUrl(uri));
    }

    private static ServerConfig base() {
        try {
            return ServerConfig.defaults()
                    .withPort(0)
                    .withApiKey(API_KEY)
                    .withDataDir(Files.createTempDirectory("sessionstore-server-test"))
                    .withMaintenance(new MaintenanceOptions(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestServer start(ServerConfig config) {
        return new TestServer(SessionServer.start(config, Clock.systemUTC()), config.dataDir());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    HttpRequest.Builder api(String path) {
        return request(path).header("Authorization", "Bearer " + API_KEY);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
