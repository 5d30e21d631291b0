package dev.sessionstore.servlet;

import dev.sessionstore.JsonValue;
import org.jspecify.annotations.Nullable;

/** Attribute values to JSON and back. Strings only until the shared codec lands. */
final class AttributeValues {

    JsonValue encode(Object value) {
        if (value instanceof String s) {
            return JsonValue.of(s);
        }
        throw new IllegalArgumentException(
                "type not allowed: " + value.getClass().getName());
    }

    @Nullable
    Object decode(JsonValue json) {
        return json.asString().orElse(null);
    }
}
