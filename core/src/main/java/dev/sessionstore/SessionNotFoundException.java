package dev.sessionstore;

/** The session does not exist: it never did, it expired, or it was revoked. */
public final class SessionNotFoundException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    public SessionNotFoundException() {
        super("session not found (unknown, expired or revoked)");
    }
}
