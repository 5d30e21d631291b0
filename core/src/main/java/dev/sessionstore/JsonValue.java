package dev.sessionstore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An attribute value: any JSON value (string, number, boolean, null, array, object), held as its
 * compact JSON text. Stores write and read that text as it is; no Java serialization is involved.
 * Immutable and thread-safe; equal when their compact texts are equal.
 */
public final class JsonValue {
    /** Parsing refuses nesting deeper than this, whatever the store's limits. */
    public static final int MAX_PARSE_DEPTH = 512;

    /** The JSON {@code null}. */
    public static final JsonValue NULL = new JsonValue("null", Kind.NULL, 0);

    public static final JsonValue TRUE = new JsonValue("true", Kind.BOOLEAN, 0);
    public static final JsonValue FALSE = new JsonValue("false", Kind.BOOLEAN, 0);

    /** The type of a JSON value. */
    public enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL,
        ARRAY,
        OBJECT
    }

    private final String json;

    /** Kind and depth; null for a value read back from a store until first asked (see {@link #ofStored}). */
    private JsonText.@Nullable Result shape;

    private JsonValue(String json, Kind kind, int depth) {
        this.json = json;
        this.shape = new JsonText.Result(json, kind, depth);
    }

    private JsonValue(String storedJson) {
        this.json = storedJson;
    }

    /**
     * A value read back from a store that wrote {@link #json()} of a value, for store implementations:
     * the text is not parsed now, only when {@link #kind()}, {@link #depth()} or an {@code as...} method
     * first needs it. Reading a session therefore costs no JSON parsing; text that was not written from a
     * {@code JsonValue} fails on that first use, and every store checks {@link #depth()} (and so parses)
     * before it writes a value, so such text is never written back.
     *
     * @throws IllegalArgumentException if the text is null or empty
     */
    public static JsonValue ofStored(String json) {
        if (json == null || json.isEmpty()) {
            throw new IllegalArgumentException("stored JSON text must not be null or empty");
        }
        return new JsonValue(json);
    }

    /** Racy single-check: every thread computes the same immutable result. */
    private JsonText.Result shape() {
        JsonText.Result s = shape;
        if (s == null) {
            s = JsonText.compact(json, MAX_PARSE_DEPTH);
            if (!s.json().equals(json)) {
                throw new IllegalArgumentException("stored JSON text is not in compact form");
            }
            shape = s;
        }
        return s;
    }

    /**
     * Parses JSON text (RFC 8259, one value, surrounding whitespace allowed) into its compact form.
     *
     * @throws IllegalArgumentException if the text is null, malformed, or nested deeper than {@link
     *     #MAX_PARSE_DEPTH}; the message gives the offset
     */
    public static JsonValue parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("JSON text must not be null");
        }
        JsonText.Result r = JsonText.compact(text, MAX_PARSE_DEPTH);
        return new JsonValue(r.json(), r.kind(), r.depth());
    }

    /** A JSON string. */
    public static JsonValue of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("string value must not be null; use JsonValue.NULL");
        }
        return new JsonValue(JsonText.quote(value), Kind.STRING, 0);
    }

    public static JsonValue of(long value) {
        return new JsonValue(Long.toString(value), Kind.NUMBER, 0);
    }

    /** @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold */
    public static JsonValue of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite: " + value);
        }
        return new JsonValue(Double.toString(value), Kind.NUMBER, 0);
    }

    public static JsonValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The compact JSON text. */
    public String json() {
        return json;
    }

    public Kind kind() {
        return shape().kind();
    }

    /** Nesting depth: 0 for a scalar, 1 for a flat array or object, and so on. */
    public int depth() {
        return shape().depth();
    }

    /** Size of {@link #json()} in UTF-8 bytes. */
    public int utf8Length() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The string's content if this is a JSON string. */
    public Optional<String> asString() {
        return kind() == Kind.STRING ? Optional.of(JsonText.unquote(json)) : Optional.empty();
    }

    /** The number if this is a JSON number that is an integer within {@code long}. */
    public OptionalLong asLong() {
        if (kind() != Kind.NUMBER) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(new BigDecimal(json).longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** The number if this is a JSON number. */
    public Optional<BigDecimal> asNumber() {
        return kind() == Kind.NUMBER ? Optional.of(new BigDecimal(json)) : Optional.empty();
    }

    public Optional<Boolean> asBoolean() {
        return kind() == Kind.BOOLEAN ? Optional.of(this == TRUE || json.equals("true")) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonValue other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The compact JSON text. */
    @Override
    public String toString() {
        return json;
    }
}
