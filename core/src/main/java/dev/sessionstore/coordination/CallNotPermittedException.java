package dev.sessionstore.coordination;

/**
 * A {@link CircuitBreaker} refused a call because it is open (or half-open without a free probe). A
 * refusal: it carries no stack trace.
 */
public final class CallNotPermittedException extends CoordinationException {
    private static final long serialVersionUID = 1L;

    public CallNotPermittedException(String breaker, BreakerState state) {
        super("circuit breaker '" + breaker + "' does not permit calls in state " + state, false);
    }
}
