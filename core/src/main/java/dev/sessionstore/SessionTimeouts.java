package dev.sessionstore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Default and maximum lifetimes. Immutable; validated when built. Timeouts have millisecond precision
 * and are at least {@link #MIN}.
 *
 * @param defaultIdle idle timeout of a session created without one
 * @param defaultAbsolute absolute lifetime of a session created without one
 * @param maxIdle the longest idle timeout a create may ask for
 * @param maxAbsolute the longest absolute lifetime a create may ask for
 */
public record SessionTimeouts(Duration defaultIdle, Duration defaultAbsolute, Duration maxIdle, Duration maxAbsolute) {
    /** The shortest timeout accepted. */
    public static final Duration MIN = Duration.ofSeconds(1);

    private static final SessionTimeouts DEFAULTS =
            new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(30), Duration.ofDays(90));

    public SessionTimeouts {
        check("maxIdle", maxIdle, Duration.ofDays(3650));
        check("maxAbsolute", maxAbsolute, Duration.ofDays(3650));
        check("defaultIdle", defaultIdle, maxIdle);
        check("defaultAbsolute", defaultAbsolute, maxAbsolute);
    }

    /** Idle 30 minutes, absolute 12 hours; at most 30 days idle and 90 days absolute. */
    public static SessionTimeouts defaults() {
        return DEFAULTS;
    }

    public SessionTimeouts withDefaults(Duration idle, Duration absolute) {
        return new SessionTimeouts(idle, absolute, maxIdle, maxAbsolute);
    }

    /** The idle timeout for a create: the requested one, checked, or the default. */
    public Duration idleFor(Optional<Duration> requested) {
        return requested.map(d -> check("idleTimeout", d, maxIdle)).orElse(defaultIdle);
    }

    /** The absolute lifetime for a create: the requested one, checked, or the default. */
    public Duration absoluteFor(Optional<Duration> requested) {
        return requested.map(d -> check("absoluteTimeout", d, maxAbsolute)).orElse(defaultAbsolute);
    }

    /**
     * {@code d}, if it is at least {@link #MIN}: for settings that are timeouts (sessions always expire).
     *
     * @throws IllegalArgumentException naming the setting and the value, if it is shorter
     */
    public static Duration requireAtLeastMin(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(MIN) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + MIN + " (sessions always expire): " + d);
        }
        return d;
    }

    private static Duration check(String name, Duration d, Duration max) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(MIN) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + MIN + " and " + max + ": " + d);
        }
        return Duration.ofMillis(d.toMillis());
    }
}
