package dev.sessionstore.server.http;

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
public final class HttpSupport {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Request bodies above this many bytes get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Request headers above this many bytes get 431. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private HttpSupport() {}

    /** The body, at most {@link #MAX_BODY_BYTES}; 413 beyond. */
    public static byte[] body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return EMPTY;
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(Problem.of(
                        413,
                        "body-too-large",
                        "Request body too large",
                        "the body exceeds " + MAX_BODY_BYTES + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body; 415 unless the content type is JSON (an empty body needs none when allowed). */
    public static byte[] jsonBody(ServerRequest req, boolean emptyAllowed) {
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

    /** A resource of the server jar, e.g. {@code /static/app.css}; the jar is broken without it. */
    public static byte[] resource(String name) {
        try (InputStream in = HttpSupport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sendJson(ServerResponse res, Status status, byte[] json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(json);
    }

    public static void sendProblem(ServerResponse res, Problem p) {
        res.status(Status.create(p.status()));
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            res.header(h.getKey(), h.getValue());
        }
        res.send(p.toJson());
    }
}
