package dev.sessionstore.server;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.server.events.CoordinationMetrics;
import dev.sessionstore.server.events.ServerCoordination;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: Helidon web server, store, metrics, coordination (maintenance jobs, session-event webhook
 * behind the shared breaker). Composes everything; {@link #close()} stops the server (in-flight requests finish),
 * then the jobs and the webhook, then the store, then the embedded Redis (its AOF flushed by SHUTDOWN).
 */
final class SessionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionServer.class);

    private final WebServer web;
    private final Backend backend;
    private final ApiKey apiKey;
    private final ServerCoordination coordination;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SessionServer(WebServer web, Backend backend, ApiKey apiKey, ServerCoordination coordination) {
        this.web = web;
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
                backend.redisUri(),
                backend.redisCluster(),
                Backends.KEY_PREFIX,
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
        RouteMetrics metrics = new RouteMetrics(registry);
        HttpRouting.Builder routing = HttpRouting.builder();
        ServiceApi api = new ServiceApi(store);
        for (ServiceApi.ApiRoute r : api.routes()) {
            routing.route(
                    r.method(), r.path(), metrics.timed(r.method(), r.path(), new Authenticated(apiKey, r.handler())));
        }
        new Operations(registry, backend.readiness()).register(routing, metrics);
        new WebPages(
                        store,
                        users,
                        new LoginThrottle(clock),
                        new AdminPage(backend, store, apiKey, coordination, clock),
                        clock)
                .register(routing, metrics);
        routing.any(new Unrouted(api.routes()));
        routing.error(Throwable.class, (req, res, t) -> HttpSupport.sendProblem(res, ErrorMapping.toProblem(t)));
        WebServer web = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(ServerConfig.MAX_BODY_BYTES)
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(ServerConfig.MAX_HEADER_BYTES)
                        .maxPrologueLength(8192)
                        .build())
                .directHandlers(problemDirectHandlers())
                .errorHandling(e -> e.includeEntity(true))
                .routing(routing)
                .build()
                .start();
        return new SessionServer(web, backend, apiKey, coordination);
    }

    private static io.helidon.webserver.http.DirectHandlers problemDirectHandlers() {
        var builder = io.helidon.webserver.http.DirectHandlers.builder();
        ProblemDirectHandler handler = new ProblemDirectHandler();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    int port() {
        return web.port();
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
        web.stop();
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

    /**
     * Framework-level refusals (bad framing, oversize headers or body) as problem JSON. These happen before routing,
     * while the request is parsed, so they are the client's fault: a 5xx here becomes 400, and an oversize header
     * block becomes 431.
     */
    private static final class ProblemDirectHandler implements DirectHandler {
        private static final System.Logger REFUSALS = System.getLogger(SessionServer.class.getName());

        @Override
        public TransportResponse handle(
                TransportRequest request,
                EventType eventType,
                io.helidon.http.Status status,
                io.helidon.http.ServerResponseHeaders headers,
                Throwable thrown) {
            // Helidon's own path: a RequestException whose message is not safe to echo becomes a generic detail
            // (and is logged at DEBUG); only then the String variant below shapes the problem
            return thrown == null
                    ? handle(request, eventType, status, headers, "")
                    : DirectHandler.super.handle(request, eventType, status, headers, thrown, REFUSALS);
        }

        @Override
        public TransportResponse handle(
                TransportRequest request,
                EventType eventType,
                io.helidon.http.Status status,
                io.helidon.http.ServerResponseHeaders headers,
                String message) {
            io.helidon.http.Status effective = status.code() >= 500 ? io.helidon.http.Status.BAD_REQUEST_400 : status;
            String detail = message == null ? "" : message;
            String lower = detail.toLowerCase(java.util.Locale.ROOT);
            if (effective.code() == 400 && lower.contains("header") && lower.contains("size")) {
                effective = io.helidon.http.Status.create(431, "Request Header Fields Too Large");
            }
            Problem p = Problem.of(effective.code(), "http-" + effective.code(), effective.reasonPhrase(), detail);
            return TransportResponse.builder()
                    .status(effective)
                    .headers(headers)
                    .header(io.helidon.http.HeaderNames.CONTENT_TYPE, HttpSupport.PROBLEM_JSON)
                    .entity(JsonCodec.problem(p))
                    .keepAlive(false)
                    .build();
        }
    }
}
