package dev.sessionstore.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.Session;
import dev.sessionstore.SessionPage;
import dev.sessionstore.server.http.ApiException;
import dev.sessionstore.server.http.HttpSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * JSON in and out, with one shared {@link ObjectMapper}. Sessions are written with a streaming generator;
 * attribute values are already compact JSON and are copied as they are.
 */
final class JsonCodec {
    /** Bounds parsing well before the session limits: deeper or longer input is malformed here. */
    private static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(64)
            .maxStringLength(HttpSupport.MAX_BODY_BYTES)
            .maxNameLength(1024)
            .build();

    static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonCodec() {}

    /** Parses a request body; empty for an empty body. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.missingNode() : node;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ApiException.badRequest("malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) : line;
    }

    /** The compact JSON of an attribute value. */
    static JsonValue toJsonValue(JsonNode node) {
        return JsonValue.parse(node.toString());
    }

    static byte[] session(Session s) {
        return write(g -> writeSession(g, s));
    }

    static byte[] created(CreatedSession c) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("token", c.token().reveal());
            g.writeFieldName("session");
            writeSession(g, c.session());
            g.writeEndObject();
        });
    }

    /** {@code {"sessions": [...], "nextCursor": "..." or null}}. */
    static byte[] page(SessionPage page) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("sessions");
            for (Session s : page.sessions()) {
                writeSession(g, s);
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", page.nextCursor().orElse(null));
            g.writeEndObject();
        });
    }

    static byte[] revoked(int n) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("revoked", n);
            g.writeEndObject();
        });
    }

    private static void writeSession(JsonGenerator g, Session s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id().value());
        g.writeStringField("userId", s.userId().orElse(null));
        char[] buffer = new char[IsoInstants.MAX_LENGTH];
        writeInstant(g, "createdAt", s.createdAt(), buffer);
        writeInstant(g, "lastAccessedAt", s.lastAccessedAt(), buffer);
        writeInstant(g, "expiresAt", s.expiresAt(), buffer);
        writeInstant(g, "absoluteExpiresAt", s.absoluteExpiresAt(), buffer);
        g.writeNumberField("version", s.version());
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, JsonValue> e : s.attributes().entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeRawValue(e.getValue().json());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("indexes");
        for (Map.Entry<String, String> e : s.indexes().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code "name": "<instant>"}, the instant as {@link Instant#toString()} writes it. */
    private static void writeInstant(JsonGenerator g, String name, Instant t, char[] buffer) throws IOException {
        g.writeFieldName(name);
        g.writeString(buffer, 0, IsoInstants.write(t, buffer));
    }

    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
