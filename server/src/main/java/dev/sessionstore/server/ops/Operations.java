package dev.sessionstore.server.ops;

import dev.sessionstore.server.http.ErrorMapping;
import dev.sessionstore.server.http.HttpSupport;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** For operators and tools: {@code /health/live}, {@code /health/ready}, {@code /metrics}, {@code /openapi.json}. */
public final class Operations implements HttpService {
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.US_ASCII);

    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;
    private final byte[] openApi = HttpSupport.resource("/openapi.json");

    /**
     * @param ready whether the service takes requests (the store answers, the edge accepts and has room for more
     *     connections); {@code /health/ready} is 503 while it does not
     */
    public Operations(PrometheusMeterRegistry registry, BooleanSupplier ready) {
        this.registry = registry;
        this.ready = ready;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/live", (req, res) -> HttpSupport.sendJson(res, Status.OK_200, UP))
                .get("/health/ready", this::ready)
                .get("/metrics", this::metrics)
                .get("/openapi.json", (req, res) -> HttpSupport.sendJson(res, Status.OK_200, openApi));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        boolean up = ready.getAsBoolean();
        if (!up) {
            res.header(HeaderNames.RETRY_AFTER, ErrorMapping.RETRY_AFTER_SECONDS);
        }
        HttpSupport.sendJson(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, up ? UP : DOWN);
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        res.send(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
