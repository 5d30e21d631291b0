package dev.sessionstore.coordination;

/**
 * Root of every exception the coordination API throws for a reason other than misuse. Misuse (a
 * malformed argument) throws {@link IllegalArgumentException}. The cause is always kept.
 */
public class CoordinationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CoordinationException(String message) {
        super(message);
    }

    public CoordinationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * For refusals: expected answers on a hot path (a breaker refusing a call, a lost lease), built
     * without a stack trace, whose cost would dwarf the call refused. The message says what was refused.
     */
    protected CoordinationException(String message, boolean writableStackTrace) {
        super(message, null, true, writableStackTrace);
    }
}
