package dev.sessionstore.server;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.server.admin.AdminPage;
import dev.sessionstore.server.admin.StoreFacts;
import dev.sessionstore.server.api.ServiceApi;
import dev.sessionstore.server.edge.Edge;
import dev.sessionstore.server.http.ApiKey;
import dev.sessionstore.server.http.Authentication;
import dev.sessionstore.server.http.ErrorMapping;
import dev.sessionstore.server.http.HttpSupport;
import dev.sessionstore.server.http.ProblemDirectHandler;
import dev.sessionstore.server.http.Unrouted;
import dev.sessionstore.server.jobs.ServerCoordination;
import dev.sessionstore.server.ops.CoordinationMetrics;
import dev.sessionstore.server.ops.MeteredSessionStore;
import dev.sessionstore.server.ops.Operations;
import dev.sessionstore.server.ops.RequestMetrics;
import dev.sessionstore.server.web.UserDirectory;
import dev.sessionstore.server.web.WebPages;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: Helidon web server behind the service edge (timeouts, connection cap, listener watchdog),
 * store, metrics, coordination (maintenance jobs, session-event webhook behind the shared breaker). Composes
 * everything; {@link #close()} stops the server (in-flight requests finish), then the jobs and the webhook, then the
 * store, then the embedded Redis (its AOF flushed by SHUTDOWN).
 */
final class SessionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionServer.class);

    private final Edge edge;
    private final Backend backend;
    private final ApiKey apiKey;
    private final ServerCoordination coordination;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SessionServer(Edge edge, Backend backend, ApiKey apiKey, ServerCoordination coordination) {
        this.edge = edge;
        this.backend = backend;
        this.apiKey = apiKey;
        this.coordination = coordination;
    }

    /** Opens the configured store and starts serving. */
    static SessionServer start(ServerConfig config, Clock clock) {
        ApiKey apiKey = ApiKey.resolve(config.apiKey(), config.dataDir().resolve("api-key"));
        UserDirectory users = UserDirectory.load(config.usersFile());
        Backend backend = Backends.open(config, SessionPolicy.defaults(), clock);
        try {
            return start(config, backend, apiKey, users, clock);
        } catch (RuntimeException e) {
            closeBackend(backend);
            throw e;
        }
    }

    /** Serves an already opened backend; for tests and embedding. */
    static SessionServer start(ServerConfig config, Backend backend, ApiKey apiKey, UserDirectory users, Clock clock) {
        ServerCoordination coordination = ServerCoordination.start(
                Backends.coordination(config, backend, clock),
                config.webhook(),
                config.maintenance(),
                backend::measure,
                backend.redis(),
                clock);
        try {
            return start(config, backend, apiKey, users, coordination, clock);
        } catch (RuntimeException e) {
            coordination.close();
            throw e;
        }
    }

    private static SessionServer start(
            ServerConfig config,
            Backend backend,
            ApiKey apiKey,
            UserDirectory users,
            ServerCoordination coordination,
            Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CoordinationMetrics.bind(coordination, registry);
        SessionStore store = new MeteredSessionStore(coordination.wrap(backend.store(), clock), registry);
        // the routing reports the edge's readiness, and the routing is part of what the edge starts
        AtomicReference<@Nullable Edge> started = new AtomicReference<>();
        BooleanSupplier ready = () -> {
            Edge e = started.get();
            return e != null && e.ready() && backend.readiness().getAsBoolean();
        };
        Edge edge = Edge.start(
                config.edge(),
                WebServer.builder()
                        .host(config.host())
                        .port(config.port())
                        .maxPayloadSize(HttpSupport.MAX_BODY_BYTES)
                        .shutdownGracePeriod(Duration.ofSeconds(5))
                        .directHandlers(ProblemDirectHandler.forEveryEvent())
                        .errorHandling(e -> e.includeEntity(true))
                        .routing(routing(backend, store, apiKey, users, coordination, registry, ready, clock)),
                Http1Config.builder()
                        .maxHeadersSize(HttpSupport.MAX_HEADER_BYTES)
                        .maxPrologueLength(8192));
        started.set(edge);
        edge.bind(registry);
        return new SessionServer(edge, backend, apiKey, coordination);
    }

    /**
     * The one place every feature is registered, each as one {@link io.helidon.webserver.http.HttpService}. Two
     * filters run for every request, whichever route serves it or none: the request metrics (outermost, so they time
     * all the rest) and the API key check of the service API.
     */
    private static HttpRouting.Builder routing(
            Backend backend,
            SessionStore store,
            ApiKey apiKey,
            UserDirectory users,
            ServerCoordination coordination,
            PrometheusMeterRegistry registry,
            BooleanSupplier ready,
            Clock clock) {
        ServiceApi api = new ServiceApi(store);
        StoreFacts facts = new StoreFacts(backend.description(), backend::persistence, backend.warnings());
        return HttpRouting.builder()
                .addFilter(new RequestMetrics(registry))
                .addFilter(new Authentication(apiKey, List.of(ServiceApi.PREFIX)))
                .register(
                        api,
                        new Operations(registry, ready),
                        new WebPages(store, users, clock),
                        new AdminPage(facts, store, apiKey, coordination, clock))
                .any(new Unrouted(api.routes()))
                .error(Throwable.class, (req, res, t) -> HttpSupport.sendProblem(res, ErrorMapping.toProblem(t)));
    }

    int port() {
        return edge.port();
    }

    Backend backend() {
        return backend;
    }

    ApiKey apiKey() {
        return apiKey;
    }

    ServerCoordination coordination() {
        return coordination;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: web server first, then the jobs and the webhook, then the store");
        edge.close();
        try {
            coordination.close();
        } finally {
            closeBackend(backend);
        }
    }

    private static void closeBackend(Backend backend) {
        try {
            backend.store().close();
        } finally {
            backend.closer().run();
        }
    }
}
