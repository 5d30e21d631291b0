package dev.sessionstore.server.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles login attempts per user name and client address: after {@link #MAX_FAILURES} failures within
 * {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window. A success clears
 * the record. The table is bounded: beyond {@link #MAX_KEYS} entries, stale ones are dropped. Thread-safe.
 */
public final class LoginThrottle {
    /** Failed attempts of one user name from one address within {@link #WINDOW} before it is refused. */
    public static final int MAX_FAILURES = 5;

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait, if it is throttled now. */
    Optional<Duration> retryAfter(String user, String address) {
        Deque<Instant> q = failures.get(key(user, address));
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            Instant now = clock.instant();
            prune(q, now);
            if (q.size() < MAX_FAILURES) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, q.peekFirst().plus(WINDOW)));
        }
    }

    void failed(String user, String address) {
        if (failures.size() >= MAX_KEYS) {
            Instant now = clock.instant();
            failures.values().removeIf(q -> {
                synchronized (q) {
                    prune(q, now);
                    return q.isEmpty();
                }
            });
        }
        Deque<Instant> q = failures.computeIfAbsent(key(user, address), k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.instant());
            while (q.size() > MAX_FAILURES) {
                q.removeFirst();
            }
        }
    }

    void succeeded(String user, String address) {
        failures.remove(key(user, address));
    }

    private static void prune(Deque<Instant> q, Instant now) {
        while (!q.isEmpty() && !q.peekFirst().plus(WINDOW).isAfter(now)) {
            q.removeFirst();
        }
    }

    private static String key(String user, String address) {
        return user + "\u0000" + address;
    }
}
