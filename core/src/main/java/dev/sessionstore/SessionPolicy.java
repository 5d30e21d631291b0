package dev.sessionstore;

import java.util.Objects;

/**
 * The settings every store shares: limits, timeouts and what to do at the per-user cap. Immutable.
 *
 * @param limits size and count limits
 * @param timeouts default and maximum lifetimes
 * @param capPolicy what a create does when the user is at {@link SessionLimits#maxSessionsPerUser()}
 */
public record SessionPolicy(SessionLimits limits, SessionTimeouts timeouts, CapPolicy capPolicy) {
    private static final SessionPolicy DEFAULTS =
            new SessionPolicy(SessionLimits.defaults(), SessionTimeouts.defaults(), CapPolicy.EVICT_OLDEST);

    public SessionPolicy {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(capPolicy, "capPolicy");
    }

    /** Default limits and timeouts; the oldest session is evicted at the cap. */
    public static SessionPolicy defaults() {
        return DEFAULTS;
    }

    public SessionPolicy withLimits(SessionLimits value) {
        return new SessionPolicy(value, timeouts, capPolicy);
    }

    public SessionPolicy withTimeouts(SessionTimeouts value) {
        return new SessionPolicy(limits, value, capPolicy);
    }

    public SessionPolicy withCapPolicy(CapPolicy value) {
        return new SessionPolicy(limits, timeouts, value);
    }
}
