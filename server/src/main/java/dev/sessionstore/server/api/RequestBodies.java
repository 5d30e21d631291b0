package dev.sessionstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.server.http.ApiException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Turns request JSON into store arguments; anything of the wrong shape is a 400 naming the field. */
final class RequestBodies {
    private static final Set<String> CREATE_FIELDS =
            Set.of("userId", "attributes", "indexes", "idleTimeoutSeconds", "absoluteTimeoutSeconds");
    private static final long MAX_SECONDS = Duration.ofDays(36_500).toSeconds();

    private RequestBodies() {}

    /** {@code {"userId", "attributes", "indexes", "idleTimeoutSeconds", "absoluteTimeoutSeconds"}}, all optional. */
    static NewSession newSession(JsonNode body) {
        NewSession.Builder b = NewSession.builder();
        if (body.isMissingNode()) {
            return b.build();
        }
        requireObject(body, "body");
        checkFields(body, CREATE_FIELDS);
        JsonNode userId = body.path("userId");
        if (!userId.isMissingNode() && !userId.isNull()) {
            b.userId(text(userId, "userId"));
        }
        forEachField(body.path("attributes"), "attributes", (name, value) -> {
            if (value.isNull()) {
                throw ApiException.badRequest("attributes." + name + ": null is only allowed in PATCH");
            }
            b.attribute(name, JsonCodec.toJsonValue(value));
        });
        forEachField(body.path("indexes"), "indexes", (name, value) -> b.index(name, text(value, "indexes." + name)));
        seconds(body.path("idleTimeoutSeconds"), "idleTimeoutSeconds")
                .ifPresent(s -> b.idleTimeout(Duration.ofSeconds(s)));
        seconds(body.path("absoluteTimeoutSeconds"), "absoluteTimeoutSeconds")
                .ifPresent(s -> b.absoluteTimeout(Duration.ofSeconds(s)));
        return b.build();
    }

    /** {@code {"attributes": {name: value or null}}}; null removes. */
    static SessionUpdate update(JsonNode body, OptionalLong expectedVersion) {
        requireObject(body, "body");
        checkFields(body, Set.of("attributes"));
        SessionUpdate.Builder b = SessionUpdate.builder();
        expectedVersion.ifPresent(b::expectVersion);
        if (body.path("attributes").isMissingNode()) {
            throw ApiException.badRequest("attributes: required");
        }
        forEachField(body.path("attributes"), "attributes", (name, value) -> {
            if (value.isNull()) {
                b.remove(name);
            } else {
                b.set(name, JsonCodec.toJsonValue(value));
            }
        });
        return b.build();
    }

    private interface FieldConsumer {
        void accept(String name, JsonNode value);
    }

    private static void forEachField(JsonNode node, String what, FieldConsumer consumer) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        requireObject(node, what);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            consumer.accept(e.getKey(), e.getValue());
        }
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw ApiException.badRequest(what + ": must be a JSON object");
        }
    }

    private static void checkFields(JsonNode body, Set<String> allowed) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static String text(JsonNode node, String what) {
        if (!node.isTextual()) {
            throw ApiException.badRequest(what + ": must be a string");
        }
        return node.textValue();
    }

    private static OptionalLong seconds(JsonNode node, String what) {
        if (node.isMissingNode() || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.badRequest(what + ": must be a whole number of seconds");
        }
        long s = node.longValue();
        if (s < 1 || s > MAX_SECONDS) {
            throw ApiException.badRequest(what + ": must be between 1 and " + MAX_SECONDS + ": " + s);
        }
        return OptionalLong.of(s);
    }
}
