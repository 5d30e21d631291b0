package dev.sessionstore.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.Locale;

/**
 * Framework-level refusals (bad framing, oversize headers or body) as problem JSON. These happen before routing,
 * while the request is parsed, so they are the client's fault: a 5xx here becomes 400, and an oversize header
 * block becomes 431.
 */
public final class ProblemDirectHandler implements DirectHandler {
    private static final System.Logger REFUSALS = System.getLogger(ProblemDirectHandler.class.getName());

    private ProblemDirectHandler() {}

    /** This handler for every kind of framework refusal. */
    public static DirectHandlers forEveryEvent() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        ProblemDirectHandler handler = new ProblemDirectHandler();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
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
            Status status,
            ServerResponseHeaders headers,
            String message) {
        Status effective = status.code() >= 500 ? Status.BAD_REQUEST_400 : status;
        String detail = message == null ? "" : message;
        String lower = detail.toLowerCase(Locale.ROOT);
        if (effective.code() == 400 && lower.contains("header") && lower.contains("size")) {
            effective = Status.create(431, "Request Header Fields Too Large");
        }
        Problem p = Problem.of(effective.code(), "http-" + effective.code(), effective.reasonPhrase(), detail);
        return TransportResponse.builder()
                .status(effective)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, HttpSupport.PROBLEM_JSON)
                .entity(p.toJson())
                .keepAlive(false)
                .build();
    }
}
