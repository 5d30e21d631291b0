package dev.sessionstore;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a session, as a store's event outbox records it (see {@code docs/redis-layout.md},
 * "Session events"). Carries the public session id, never the token.
 *
 * @param id unique across the store's events: receivers deduplicate by it (delivery is at least once)
 * @param type what happened
 * @param sessionId the session's public id (after a rotation: the new id)
 * @param previousId the id before a rotation; empty for other types
 * @param userId the session's user; empty for anonymous sessions
 * @param time when it happened, by the store's clock (for {@link Type#EXPIRED}: the session's expiry)
 * @param attributes for {@link Type#UPDATED}: the names of the attributes set or removed; empty otherwise
 */
public record SessionEvent(
        String id,
        Type type,
        SessionId sessionId,
        Optional<SessionId> previousId,
        Optional<String> userId,
        Instant time,
        List<String> attributes) {

    /** The kinds of event. */
    public enum Type {
        /** A session was created. */
        CREATED,
        /** A session got a new id and token ({@link SessionStore#rotate}); the old ones are dead. */
        ROTATED,
        /** Attributes were set or removed. */
        UPDATED,
        /** A session was revoked, alone or with its user's other sessions. */
        REVOKED,
        /** A session was revoked to make room under its user's session cap. */
        EVICTED,
        /** A session reached its idle or absolute expiry. */
        EXPIRED;

        /** The lower-case name the outbox and the webhook use, for example {@code created}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type of a {@link #wireName()}, or empty for an unknown name. */
        public static Optional<Type> ofWireName(String name) {
            for (Type t : values()) {
                if (t.wireName().equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    public SessionEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(previousId, "previousId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(time, "time");
        attributes = List.copyOf(attributes);
    }
}
