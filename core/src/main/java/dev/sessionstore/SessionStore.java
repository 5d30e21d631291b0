package dev.sessionstore;

import java.util.List;
import java.util.Optional;

/**
 * Keeps user sessions. Implementations are thread-safe; every operation is atomic. No method returns
 * {@code null} or accepts a {@code null} argument.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the backing store cannot be reached,
 * and {@link IllegalArgumentException} for a malformed argument (a user id or index name of the wrong
 * form). A session that has expired ({@link Session#expiresAt()}) or been revoked is gone: reads return
 * empty, writes throw {@link SessionNotFoundException}, and nothing brings it back.
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Creates a session. If the user is at {@link SessionLimits#maxSessionsPerUser()}, the oldest is
     * revoked in the same atomic step, or the create is refused, as the {@link CapPolicy} says.
     *
     * @throws LimitExceededException if the spec exceeds a limit, or the cap policy refuses
     * @throws IllegalArgumentException if a timeout is out of range or a name is malformed
     */
    CreatedSession create(NewSession spec);

    /** Reads the session and slides its idle expiry to now + idle timeout (never past the absolute deadline). */
    Optional<Session> touch(SessionToken token);

    /** Reads the session without changing it. */
    Optional<Session> peek(SessionToken token);

    /**
     * Applies a delta to the attributes and increments the version. Does not slide the idle expiry.
     *
     * @throws SessionNotFoundException if the session is gone
     * @throws VersionConflictException if an expected version was given and differs
     * @throws LimitExceededException if the result would exceed a limit
     */
    Session update(SessionToken token, SessionUpdate update);

    /**
     * Replaces the token: same data, a new id, the version incremented; the old token is dead at once.
     *
     * @throws SessionNotFoundException if the session is gone
     */
    CreatedSession rotate(SessionToken token);

    /** Revokes the session; returns it as it was when revoked, or empty if it was not live. */
    Optional<Session> revoke(SessionToken token);

    /** Revokes the session with this public id; returns it as it was when revoked, or empty if it was not live. */
    Optional<Session> revoke(SessionId id);

    /** The user's live sessions, oldest first (by {@code createdAt}, then id). */
    List<Session> listByUser(String userId);

    /**
     * Revokes every live session of the user except {@code keep}, if given, in one atomic step; returns the
     * ids of the sessions it revoked (in no particular order).
     */
    List<SessionId> revokeByUser(String userId, Optional<SessionId> keep);

    /** The live sessions created with index {@code name} set to {@code value}, oldest first. */
    List<Session> listByIndex(String name, String value);

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
