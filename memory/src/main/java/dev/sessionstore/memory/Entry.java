package dev.sessionstore.memory;

import dev.sessionstore.JsonValue;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stored session and the instant of its mark in the {@link ExpiryQueue}, which trails the session's
 * expiry after touches (the sweeper moves it forward when it meets it). Immutable.
 */
record Entry(Session session, Instant markAt) {

    static Entry of(Session session) {
        return new Entry(session, session.expiresAt());
    }

    /** Whether the session is live at {@code now}: it is gone at its expiry instant. */
    boolean liveAt(Instant now) {
        return now.isBefore(session.expiresAt());
    }

    Entry touched(Instant now) {
        Instant last = now.isAfter(session.lastAccessedAt()) ? now : session.lastAccessedAt();
        return new Entry(copy(session.id(), last, session.version(), session.attributes()), markAt);
    }

    Entry withAttributes(Map<String, JsonValue> attributes) {
        return new Entry(copy(session.id(), session.lastAccessedAt(), session.version() + 1, attributes), markAt);
    }

    /** The same session under a new id, one version on, with its own expiry mark. */
    Entry rotatedTo(SessionId id) {
        return of(copy(id, session.lastAccessedAt(), session.version() + 1, session.attributes()));
    }

    /** The attributes after applying {@code changes} (an empty value removes), checked against the totals. */
    static Map<String, JsonValue> merge(
            Map<String, JsonValue> current, Map<String, Optional<JsonValue>> changes, SessionLimits limits) {
        Map<String, JsonValue> merged = new HashMap<>(current);
        changes.forEach((name, value) -> value.ifPresentOrElse(v -> merged.put(name, v), () -> merged.remove(name)));
        long bytes = 0;
        for (Map.Entry<String, JsonValue> e : merged.entrySet()) {
            bytes += SessionLimits.attributeBytes(e.getKey(), e.getValue());
        }
        limits.checkTotals(merged.size(), bytes);
        return merged;
    }

    private Session copy(SessionId id, Instant lastAccessedAt, long version, Map<String, JsonValue> attributes) {
        return new Session(
                id,
                session.userId(),
                session.createdAt(),
                lastAccessedAt,
                session.idleTimeout(),
                session.absoluteExpiresAt(),
                version,
                attributes,
                session.indexes());
    }
}
