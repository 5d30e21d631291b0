package dev.sessionstore.server;

import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, and extension members.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what happened this time; never holds a token or a key
 * @param extensions extra members, e.g. {@code limit}
 * @param headers extra response headers, e.g. {@code Retry-After}
 */
record Problem(
        String type,
        String title,
        int status,
        String detail,
        Map<String, Object> extensions,
        Map<String, String> headers) {
    static final String TYPE_BASE = "https://sessionstore.dev/problems/";

    Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
        headers = Map.copyOf(headers);
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, Map.of(), Map.of());
    }

    Problem withExtensions(Map<String, Object> values) {
        return new Problem(type, title, status, detail, values, headers);
    }

    Problem withHeaders(Map<String, String> values) {
        return new Problem(type, title, status, detail, extensions, values);
    }
}
