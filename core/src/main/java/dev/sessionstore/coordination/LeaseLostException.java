package dev.sessionstore.coordination;

/**
 * The caller's lease on a lock was lost (expired or taken over); thrown by {@link FencedLease#check()}. A
 * refusal: it carries no stack trace.
 */
public final class LeaseLostException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(message, false);
    }
}
