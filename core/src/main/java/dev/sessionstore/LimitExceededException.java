package dev.sessionstore;

/**
 * A configured limit (see {@link SessionLimits}) would be exceeded. {@link #limit()} names the setting,
 * for example {@code maxAttributes}; nothing was written.
 */
public final class LimitExceededException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    private final String limit;
    private final long max;
    private final long actual;

    public LimitExceededException(String limit, long max, long actual) {
        super("limit " + limit + " exceeded: " + actual + " > " + max);
        this.limit = limit;
        this.max = max;
        this.actual = actual;
    }

    /** The name of the {@link SessionLimits} setting, e.g. {@code maxSessionsPerUser}. */
    public String limit() {
        return limit;
    }

    public long max() {
        return max;
    }

    public long actual() {
        return actual;
    }
}
