package dev.sessionstore.server;

import dev.sessionstore.server.edge.EdgeOptions;
import dev.sessionstore.server.jobs.MaintenanceOptions;
import dev.sessionstore.server.webhooks.WebhookConfig;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A server on a free port with a fixed API key, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final String API_KEY = "test-api-key-0123456789abcdef";
    /** Data directories not yet removed by {@link #close()}: removed when the JVM exits. */
    private static final Set<Path> DATA_DIRS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DATA_DIRS.forEach(TestServer::deleteRecursively)));
    }

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
        return start(config(ServerConfig.StoreKind.MEMORY, Optional.empty(), Optional.empty()));
    }

    /** In-memory store, the given edge settings (timeouts, connection cap). */
    static TestServer memory(EdgeOptions edge) {
        ServerConfig c = config(ServerConfig.StoreKind.MEMORY, Optional.empty(), Optional.empty());
        return start(new ServerConfig(
                c.host(),
                c.port(),
                c.dataDir(),
                c.redisUrl(),
                c.redisCluster(),
                c.redisLink(),
                c.apiKey(),
                c.durability(),
                c.requiredDurability(),
                c.usersFile(),
                c.store(),
                c.commandTimeout(),
                c.webhook(),
                c.maintenance(),
                c.instanceId(),
                edge));
    }

    /** The Redis store against the given Redis. */
    static TestServer redis(String uri) {
        return start(config(ServerConfig.StoreKind.REDIS, Optional.of(uri), Optional.empty()));
    }

    /** A test server's configuration: a free port, {@link #API_KEY}, a fresh data directory, jobs every second. */
    static ServerConfig config(
            ServerConfig.StoreKind store, Optional<String> redisUrl, Optional<WebhookConfig> webhook) {
        return config(store, redisUrl, false, webhook);
    }

    /** As above; with {@code cluster}, {@code redisUrl} is one node of a Redis Cluster. */
    static ServerConfig config(
            ServerConfig.StoreKind store, Optional<String> redisUrl, boolean cluster, Optional<WebhookConfig> webhook) {
        try {
            Path dataDir = Files.createTempDirectory("sessionstore-server-test");
            DATA_DIRS.add(dataDir);
            return new ServerConfig(
                    "127.0.0.1",
                    0,
                    dataDir,
                    redisUrl,
                    cluster,
                    RedisLinkOptions.NONE,
                    Optional.of(API_KEY),
                    ServerConfig.Durability.EVERYSEC,
                    Optional.empty(),
                    Optional.empty(),
                    store,
                    Duration.ofMillis(500),
                    webhook,
                    new MaintenanceOptions(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    "test-" + UUID.randomUUID().toString().substring(0, 8),
                    EdgeOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestServer start(ServerConfig config) {
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
        deleteRecursively(dataDir);
        DATA_DIRS.remove(dataDir);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
