package dev.sessionstore.testkit;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What every contract group needs from the store under test. {@link SessionStoreContract} implements it;
 * implement it directly only to run a single group.
 */
public interface StoreFixture {

    /**
     * A fresh, empty store with this policy, closed after the test. A test may open several stores, one
     * after another; it is done with the previous one when it opens the next.
     */
    SessionStore openStore(SessionPolicy policy);

    /**
     * The clock the store reads: the {@link MutableClock} it was built with, or, for a store on real time,
     * {@link Clock#systemUTC()} (a Redis server or a database on this machine reads the same wall clock).
     */
    Clock storeClock();

    /** Lets at least {@code d} of store time pass; see {@link #passUntil(Instant)}. */
    default void passTime(Duration d) {
        passUntil(storeClock().instant().plus(d));
    }

    /**
     * Lets store time pass until {@link #storeClock()} reads at least {@code t}: a {@link MutableClock} is
     * moved forward to exactly {@code t}; on real time this sleeps. Does nothing if {@code t} is not ahead.
     */
    default void passUntil(Instant t) {
        Clock clock = storeClock();
        if (clock instanceof MutableClock fake) {
            Duration left = Duration.between(fake.instant(), t);
            if (left.isPositive()) {
                fake.advance(left);
            }
            return;
        }
        for (Duration left = Duration.between(clock.instant(), t);
                left.isPositive();
                left = Duration.between(clock.instant(), t)) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while letting time pass", e);
            }
        }
    }
}
