package dev.sessionstore.servlet;

import dev.sessionstore.JsonValue;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.json.AttributeCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request's attributes of a session: their JSON as the application last set it, the values decoded so far
 * (decoded once, at the first read), and the changes not yet saved. Not thread-safe: {@link StoreSession} guards it.
 */
final class SessionAttributes {
    private final AttributeCodec codec;
    private final Map<String, JsonValue> json;
    private final Map<String, Optional<JsonValue>> changes = new LinkedHashMap<>();
    private final Map<String, Object> decoded = new HashMap<>();

    SessionAttributes(AttributeCodec codec, Map<String, JsonValue> stored) {
        this.codec = codec;
        this.json = new LinkedHashMap<>(stored);
    }

    @Nullable
    Object get(String name) {
        Object value = decoded.get(name);
        if (value != null) {
            return value;
        }
        JsonValue stored = json.get(name);
        if (stored == null) {
            return null;
        }
        value = codec.decode(stored);
        if (value != null) {
            decoded.put(name, value);
        }
        return value;
    }

    List<String> names() {
        return new ArrayList<>(json.keySet());
    }

    /**
     * Encodes the value now; a value whose JSON equals the current one is no change.
     *
     * @throws dev.sessionstore.json.DisallowedTypeException if the codec does not allow the value's type
     */
    void set(String name, Object value) {
        JsonValue encoded = codec.encode(value);
        decoded.put(name, value);
        if (!encoded.equals(json.put(name, encoded))) {
            changes.put(name, Optional.of(encoded));
        }
    }

    void remove(String name) {
        decoded.remove(name);
        if (json.remove(name) != null) {
            changes.put(name, Optional.empty());
        }
    }

    /** Every attribute as JSON, for the {@code create} of a new session. */
    Map<String, JsonValue> all() {
        return json;
    }

    boolean changed() {
        return !changes.isEmpty();
    }

    /** The unsaved changes as one delta. */
    SessionUpdate delta() {
        SessionUpdate.Builder update = SessionUpdate.builder();
        changes.forEach((name, change) -> change.ifPresentOrElse(v -> update.set(name, v), () -> update.remove(name)));
        return update.build();
    }

    /** The changes reached the store, or will never: forget them. */
    void clearChanges() {
        changes.clear();
    }
}
