package dev.sessionstore.redis;

import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns session hashes, as the scripts reply them (field, value, field, value...), into {@link Session}s.
 * Fields: {@code u} user id, {@code c} created, {@code a} last access, {@code i} idle timeout, {@code d}
 * absolute deadline (all milliseconds, times since the epoch), {@code v} version, {@code x.<name>} index
 * values, {@code @<name>} attributes as compact JSON. Unknown fields are ignored.
 */
final class SessionCodec {
    /** Field-name prefix of an attribute. */
    static final String ATTRIBUTE = "@";

    /** Field-name prefix of an index value. */
    static final String INDEX = "x.";

    private SessionCodec() {}

    /** Decodes the fields from position {@code from} of a script reply. */
    static Session decode(SessionId id, List<?> reply, int from) {
        Map<String, String> fields = new HashMap<>();
        for (int j = from; j + 1 < reply.size(); j += 2) {
            fields.put(String.valueOf(reply.get(j)), String.valueOf(reply.get(j + 1)));
        }
        try {
            return toSession(id, fields);
        } catch (RuntimeException e) {
            throw new SessionStoreException("session " + id + " holds malformed data", e);
        }
    }

    private static Session toSession(SessionId id, Map<String, String> fields) {
        Map<String, JsonValue> attributes = new HashMap<>();
        Map<String, String> indexes = new HashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE)) {
                attributes.put(name.substring(ATTRIBUTE.length()), JsonValue.parse(value));
            } else if (name.startsWith(INDEX)) {
                indexes.put(name.substring(INDEX.length()), value);
            }
        });
        return new Session(
                id,
                Optional.ofNullable(fields.get("u")),
                instant(fields, "c"),
                instant(fields, "a"),
                Duration.ofMillis(number(fields, "i")),
                instant(fields, "d"),
                number(fields, "v"),
                attributes,
                indexes);
    }

    /** The session a create wrote, built from its spec and the server time the script replied. */
    static Session created(SessionId id, NewSession spec, long nowMillis, Duration idle, Duration life) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        return new Session(id, spec.userId(), now, now, idle, now.plus(life), 1, spec.attributes(), spec.indexes());
    }

    private static Instant instant(Map<String, String> fields, String name) {
        return Instant.ofEpochMilli(number(fields, name));
    }

    private static long number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("field " + name + " is missing");
        }
        return Long.parseLong(value);
    }
}
