package dev.sessionstore.coordination;

/**
 * The coordination backend (Redis) could not be reached or did not answer in time. The operation may
 * or may not have been applied: a lock acquisition that fails this way is treated as not acquired.
 */
public final class CoordinationUnavailableException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public CoordinationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
