package dev.sessionstore;

/** An update named an expected version that is not the session's current version. Nothing was written. */
public final class VersionConflictException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long actual;

    public VersionConflictException(long expected, long actual) {
        super("version conflict: expected version " + expected + " but the session is at version " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
