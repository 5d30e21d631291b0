package dev.sessionstore.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        Map<String, Object> extensions,
        Map<String, String> headers) {
    public static final String TYPE_BASE = "https://sessionstore.dev/problems/";

    /** Writes the extension values (numbers, strings) as JSON. */
    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
        headers = Map.copyOf(headers);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, Map.of(), Map.of());
    }

    public Problem withExtensions(Map<String, Object> values) {
        return new Problem(type, title, status, detail, values, headers);
    }

    public Problem withHeaders(Map<String, String> values) {
        return new Problem(type, title, status, detail, extensions, values);
    }

    /** The {@code application/problem+json} body: the members and the extensions; never the headers. */
    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            for (Map.Entry<String, Object> e : extensions.entrySet()) {
                g.writeObjectField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
