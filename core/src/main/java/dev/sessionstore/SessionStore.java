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
 *
 * <p><b>Paged listings</b> ({@link #listByUser(String, PageRequest)}, {@link #listByIndex(String, String,
 * PageRequest)}) read a listing a page at a time; each page costs the store work bounded by the page's limit, not
 * by the listing's size. Reading from the first page until a page has no next cursor returns every session that
 * was live from the first page to the last, and returns it exactly once if it was not touched meanwhile (a store
 * may order a listing by expiry, and a touch can move a session behind the cursor, where it is met again: it may
 * then be returned twice, never missed). A session created, rotated or revoked while the pages are read may or may
 * not be returned. No page holds a session that was expired or revoked when the page was read. The order of pages
 * is the store's own. A cursor is valid only for the listing and the kind of store that gave it out.
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
     * A page of the user's live sessions; see the class comment for what paging guarantees.
     *
     * @throws IllegalArgumentException if the user id is malformed or the cursor is not one this listing gave out
     */
    SessionPage listByUser(String userId, PageRequest page);

    /**
     * Revokes every live session of the user except {@code keep}, if given, in one atomic step; returns the
     * ids of the sessions it revoked (in no particular order).
     */
    List<SessionId> revokeByUser(String userId, Optional<SessionId> keep);

    /** The live sessions created with index {@code name} set to {@code value}, oldest first. */
    List<Session> listByIndex(String name, String value);

    /**
     * A page of the live sessions created with index {@code name} set to {@code value}; see the class comment for
     * what paging guarantees.
     *
     * @throws IllegalArgumentException if the name or value is malformed or the cursor is not one this listing gave
     *     out
     */
    SessionPage listByIndex(String name, String value, PageRequest page);

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
