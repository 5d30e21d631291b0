package dev.sessionstore;

/**
 * The backing store could not be reached or did not answer within its timeout. The operation may or
 * may not have been applied; retrying a read is safe.
 */
public final class StoreUnavailableException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
