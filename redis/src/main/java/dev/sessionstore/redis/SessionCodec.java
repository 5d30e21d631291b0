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
 * Turns script replies into {@link Session}s. A session in a reply is its meta values as integers
 * ({@code c} created, {@code a} last access, {@code i} idle timeout, {@code d} absolute deadline, all
 * milliseconds, times since the epoch; {@code v} version), then its other hash fields as (field, value)
 * pairs, either following in the same array or as one nested array (READ hands Redis's {@code HGETALL} reply
 * back without copying it): {@code u} user id, {@code x.<name>} index values, {@code @<name>} attributes as compact JSON.
 * Unknown fields are ignored. The attribute text is the store's own, validated when it was written, so it
 * is not parsed again here ({@link JsonValue#ofStored}).
 */
final class SessionCodec {
    /** Field-name prefix of an attribute. */
    static final String ATTRIBUTE = "@";

    /** Field-name prefix of an index value. */
    static final String INDEX = "x.";

    private SessionCodec() {}

    /** Decodes the session from position {@code from} of a script reply. */
    static Session decode(SessionId id, List<?> reply, int from) {
        try {
            long created = (Long) reply.get(from);
            long access = (Long) reply.get(from + 1);
            long idle = (Long) reply.get(from + 2);
            long deadline = (Long) reply.get(from + 3);
            long version = (Long) reply.get(from + 4);
            String user = null;
            Map<String, JsonValue> attributes = new HashMap<>();
            Map<String, String> indexes = Map.of();
            List<?> fields = reply;
            int first = from + 5;
            if (reply.size() == first + 1 && reply.get(first) instanceof List<?> nested) {
                fields = nested;
                first = 0;
            }
            for (int j = first; j + 1 < fields.size(); j += 2) {
                String name = (String) fields.get(j);
                String value = (String) fields.get(j + 1);
                if (name.startsWith(ATTRIBUTE)) {
                    attributes.put(name.substring(1), JsonValue.ofStored(value));
                } else if (name.startsWith(INDEX)) {
                    if (indexes.isEmpty()) {
                        indexes = new HashMap<>();
                    }
                    indexes.put(name.substring(INDEX.length()), value);
                } else if (name.equals("u")) {
                    user = value;
                }
            }
            return new Session(
                    id,
                    Optional.ofNullable(user),
                    Instant.ofEpochMilli(created),
                    Instant.ofEpochMilli(access),
                    Duration.ofMillis(idle),
                    Instant.ofEpochMilli(deadline),
                    version,
                    attributes,
                    indexes);
        } catch (RuntimeException e) {
            throw new SessionStoreException("session " + id + " holds malformed data", e);
        }
    }

    /** The session a create wrote, built from its spec and the server time the script replied. */
    static Session created(SessionId id, NewSession spec, long nowMillis, Duration idle, Duration life) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        return new Session(id, spec.userId(), now, now, idle, now.plus(life), 1, spec.attributes(), spec.indexes());
    }
}
