package dev.sessionstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a session as the store held it when the operation ran. Immutable; times have millisecond
 * precision. A session is gone at {@link #expiresAt()}: the earlier of {@code lastAccessedAt +
 * idleTimeout} (slides on touch) and {@code absoluteExpiresAt} (never extended).
 *
 * @param id the public id
 * @param userId the user, if the session has one
 * @param createdAt when it was created
 * @param lastAccessedAt when it was created or last touched
 * @param idleTimeout how long it lives without a touch
 * @param absoluteExpiresAt the deadline no touch extends
 * @param version 1 at creation, grows by one on every change
 * @param attributes name to JSON value; unmodifiable
 * @param indexes index name to value, as given at creation; unmodifiable
 */
public record Session(
        SessionId id,
        Optional<String> userId,
        Instant createdAt,
        Instant lastAccessedAt,
        Duration idleTimeout,
        Instant absoluteExpiresAt,
        long version,
        Map<String, JsonValue> attributes,
        Map<String, String> indexes) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastAccessedAt, "lastAccessedAt");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        attributes = Map.copyOf(attributes);
        indexes = Map.copyOf(indexes);
    }

    /** The instant the session is gone unless touched before: {@code min(lastAccessedAt + idleTimeout, absoluteExpiresAt)}. */
    public Instant expiresAt() {
        Instant idle = lastAccessedAt.plus(idleTimeout);
        return idle.isBefore(absoluteExpiresAt) ? idle : absoluteExpiresAt;
    }

    /** The attribute's value, if set. */
    public Optional<JsonValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
