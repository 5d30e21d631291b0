package dev.sessionstore.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** {@code /health/live}, {@code /health/ready}, {@code /metrics}, {@code /openapi.json} and the stylesheet. */
final class Operations {
    static final String OPENAPI_RESOURCE = "/openapi.json";

    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.US_ASCII);

    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;
    private final byte[] openApi = resource(OPENAPI_RESOURCE);
    private final byte[] css = resource("/static/app.css");

    Operations(PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this.registry = registry;
        this.ready = ready;
    }

    void register(HttpRouting.Builder routing, RouteMetrics metrics) {
        routing.route(Method.GET, "/health/live", metrics.timed(Method.GET, "/health/live", (req, res) -> {
            HttpSupport.sendJson(res, Status.OK_200, UP);
        }));
        routing.route(Method.GET, "/health/ready", metrics.timed(Method.GET, "/health/ready", (req, res) -> {
            boolean up = ready.getAsBoolean();
            if (!up) {
                res.header(HeaderNames.RETRY_AFTER, ErrorMapping.RETRY_AFTER_SECONDS);
            }
            HttpSupport.sendJson(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, up ? UP : DOWN);
        }));
        routing.route(Method.GET, "/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(registry.scrape().getBytes(StandardCharsets.UTF_8));
        });
        routing.route(Method.GET, "/openapi.json", (req, res) -> HttpSupport.sendJson(res, Status.OK_200, openApi));
        routing.route(Method.GET, "/static/app.css", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/css; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
            res.send(css);
        });
    }

    static byte[] resource(String name) {
        try (InputStream in = Operations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
