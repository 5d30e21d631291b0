package dev.sessionstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.Session;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a session expires exactly at its deadline, on the store's clock. A read is judged only by what
 * it proves: the store answered somewhere between the read's start and its end (store-clock instants taken
 * around the call), so a read that ended before the deadline must see the session, and a read that started
 * more than {@link #LATE_BOUND} after it must not. A read that straddles a bound proves nothing and is not
 * judged, so scheduling noise can delay the check but never fail it; on a fake clock no time passes during a
 * read and every read is judged.
 */
final class ExpiryCheck {
    /** How long past its deadline a session may still be read: the machine's scheduling noise, no more. */
    static final Duration LATE_BOUND = Duration.ofMillis(400);

    /** How long before its deadline the session is first checked to be still there. */
    static final Duration JUST_BEFORE = Duration.ofMillis(300);

    /** The step between reads once the deadline has passed. */
    private static final Duration POLL = Duration.ofMillis(10);

    private ExpiryCheck() {}

    /** A {@code peek} and the store-clock instants taken just before and just after it. */
    private record Read(Instant start, Optional<Session> session, Instant end) {
        static Read of(StoreFixture fixture, SessionStore store, SessionToken token) {
            Instant start = fixture.storeClock().instant();
            Optional<Session> session = store.peek(token);
            return new Read(start, session, fixture.storeClock().instant());
        }
    }

    /**
     * Asserts the session of {@code token} is still there {@link #JUST_BEFORE} and 1 ms before {@code
     * deadline}, and is gone within {@link #LATE_BOUND} after it. Lets store time pass up to then.
     */
    static void assertGoneAt(StoreFixture fixture, SessionStore store, SessionToken token, Instant deadline) {
        for (Duration ahead : List.of(JUST_BEFORE, Duration.ofMillis(1))) {
            fixture.passUntil(deadline.minus(ahead));
            Read read = Read.of(fixture, store, token);
            if (read.end().isBefore(deadline)) {
                assertThat(read.session())
                        .as("read at %s, before its deadline %s", read.end(), deadline)
                        .isPresent();
            }
        }
        fixture.passUntil(deadline);
        Instant latest = deadline.plus(LATE_BOUND);
        for (Read read = Read.of(fixture, store, token);
                read.session().isPresent();
                read = Read.of(fixture, store, token)) {
            assertThat(read.start())
                    .as("still read at %s, more than %s after its deadline %s", read.start(), LATE_BOUND, deadline)
                    .isBeforeOrEqualTo(latest);
            fixture.passTime(POLL);
        }
    }
}
