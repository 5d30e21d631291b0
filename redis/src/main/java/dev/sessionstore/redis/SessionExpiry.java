package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session hash found in Redis, and when Redis will expire it unless it is touched again.
 *
 * @param id the session's public id
 * @param userId the user the session belongs to, if any
 * @param expiresAt the Redis server time of the hash's expiry
 */
public record SessionExpiry(SessionId id, Optional<String> userId, Instant expiresAt) {
    public SessionExpiry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
