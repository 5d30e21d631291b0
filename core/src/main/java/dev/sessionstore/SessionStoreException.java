package dev.sessionstore;

/**
 * Root of every exception a {@link SessionStore} throws for a reason other than misuse. Misuse (a
 * malformed argument) throws {@link IllegalArgumentException}. The cause is always kept.
 */
public class SessionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message) {
        super(message);
    }

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
