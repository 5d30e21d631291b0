package dev.sessionstore.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** Small helpers shared by the handlers: bounded body reads, content types, JSON and problem responses. */
final class HttpSupport {
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final HeaderName SESSION_TOKEN = HeaderNames.create("Session-Token");

    private static final byte[] EMPTY = new byte[0];

    private HttpSupport() {}

    /** The body, at most {@link ServerConfig#MAX_BODY_BYTES}; 413 beyond. */
    static byte[] body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return EMPTY;
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(ServerConfig.MAX_BODY_BYTES + 1);
            if (bytes.length > ServerConfig.MAX_BODY_BYTES) {
                throw new ApiException(Problem.of(
                        413,
                        "body-too-large",
                        "Request body too large",
                        "the body exceeds " + ServerConfig.MAX_BODY_BYTES + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body; 415 unless the content type is JSON (an empty body needs none when allowed). */
    static byte[] jsonBody(ServerRequest req, boolean emptyAllowed) {
        byte[] body = body(req);
        if (body.length == 0 && emptyAllowed) {
            return body;
        }
        Optional<HttpMediaType> type = req.headers().contentType();
        boolean json = type.map(t -> {
                    String sub = t.mediaType().subtype();
                    return t.mediaType().type().equals("application") && (sub.equals("json") || sub.endsWith("+json"));
                })
                .orElse(false);
        if (!json) {
            throw new ApiException(Problem.of(
                    415, "unsupported-media-type", "Unsupported media type", "send Content-Type: application/json"));
        }
        if (body.length == 0) {
            throw ApiException.badRequest("a JSON body is required");
        }
        return body;
    }

    static void sendJson(ServerResponse res, Status status, byte[] json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(json);
    }

    static void sendProblem(ServerResponse res, Problem p) {
        res.status(Status.create(p.status()));
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            res.header(h.getKey(), h.getValue());
        }
        res.send(JsonCodec.problem(p));
    }
}
