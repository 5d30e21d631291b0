package dev.sessionstore.spring.session;

import dev.sessionstore.JsonValue;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.json.AttributeCodec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A session's attributes as one holder of a {@link SessionStoreSession} sees them: the JSON last read from or written
 * to the store, the values decoded so far (each decoded at its first read), and the names set or removed since. A
 * changed value is encoded again at save time, so what is saved is the value as it is then (Spring Session's
 * {@code SaveMode.ON_SET_ATTRIBUTE}). Not thread-safe: {@link SessionStoreSession} guards it.
 */
final class Attributes {
    /** Decodes a stored value of the session: its name and JSON. */
    @FunctionalInterface
    interface Decoder {
        @Nullable
        Object decode(String name, JsonValue json);
    }

    private final AttributeCodec codec;
    private final Decoder decoder;
    private Map<String, JsonValue> stored;
    private final Set<String> names;
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    Attributes(AttributeCodec codec, Map<String, JsonValue> stored, Decoder decoder) {
        this.codec = codec;
        this.decoder = decoder;
        this.stored = Map.copyOf(stored);
        this.names = new LinkedHashSet<>(stored.keySet());
    }

    @Nullable
    Object get(String name) {
        Object value = values.get(name);
        if (value != null || !names.contains(name)) {
            return value;
        }
        JsonValue json = stored.get(name);
        value = json == null ? null : decoder.decode(name, json);
        if (value != null) {
            values.put(name, value);
        }
        return value;
    }

    Set<String> names() {
        return Set.copyOf(names);
    }

    /**
     * Encodes the value once now, so that a type the codec does not allow fails here, naming the type.
     *
     * @throws dev.sessionstore.json.DisallowedTypeException if the codec does not allow the value's type
     */
    void set(String name, Object value) {
        codec.encode(value);
        values.put(name, value);
        names.add(name);
        changed.add(name);
    }

    void remove(String name) {
        values.remove(name);
        if (names.remove(name) || stored.containsKey(name)) {
            changed.add(name);
        }
    }

    boolean changedAny(String... candidates) {
        for (String name : candidates) {
            if (changed.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The changes since the last save, encoded now; a value whose JSON equals the stored one is left out. */
    SessionUpdate delta() {
        SessionUpdate.Builder update = SessionUpdate.builder();
        for (String name : changed) {
            JsonValue before = stored.get(name);
            if (names.contains(name)) {
                JsonValue now = codec.encode(values.get(name));
                if (before == null || !now.equals(before)) {
                    update.set(name, now);
                }
            } else if (before != null) {
                update.remove(name);
            }
        }
        return update.build();
    }

    /** Every attribute as JSON, changed ones encoded now: for the {@code create} of a session. */
    Map<String, JsonValue> all() {
        Map<String, JsonValue> all = new LinkedHashMap<>();
        for (String name : names) {
            JsonValue json = changed.contains(name) ? codec.encode(values.get(name)) : stored.get(name);
            if (json != null) {
                all.put(name, json);
            }
        }
        return all;
    }

    /** The store now holds {@code attributes}: they become the stored state; the values written stay decoded. */
    void saved(Map<String, JsonValue> attributes) {
        stored = Map.copyOf(attributes);
        values.keySet().retainAll(changed);
        names.clear();
        names.addAll(stored.keySet());
        values.keySet().retainAll(names);
        changed.clear();
    }

    /** Forgets the unsaved changes (the session is gone). */
    void dropChanges() {
        changed.clear();
    }
}
