package dev.sessionstore.bench;

/**
 * One session store under test, driven through the comparison workload. A handle is whatever the
 * target needs to find a session again (a token, a Spring Session id). Implementations are
 * thread-safe; an operation a target cannot do throws {@link UnsupportedOperationException} and is
 * named by {@link #supports}.
 */
interface Target extends AutoCloseable {

    /** Short name used in tables and on the command line, for example {@code redis-store}. */
    String name();

    Backing backing();

    boolean supports(Op op);

    /** Creates a session of {@code userId} with the workload's attributes; returns its handle. */
    Object create(String userId);

    /** Reads the session and slides its expiry (for Spring Session: findById + save). */
    void touch(Object handle);

    /** Sets one attribute to {@code value}. */
    void update(Object handle, String value);

    /** Lists the user's sessions; returns how many. */
    int list(String userId);

    /** Revokes the session. */
    void revoke(Object handle);

    @Override
    void close();
}
