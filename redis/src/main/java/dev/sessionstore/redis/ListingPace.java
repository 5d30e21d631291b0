package dev.sessionstore.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The budget of index-listing work one store shares among all its listings: at most {@code rate} units a second
 * (a unit is a session loaded or a script call), after a credit of {@code burst} units saved while nothing listed.
 *
 * <p>A walk of a big index flat out would take a share of Redis (and of this process) from the touches of the web
 * path, as vacuuming would take from a database's queries; the pace spreads it, so that each round of a listing's
 * calls starts only when the work before it is paid for. It is paid afterwards ({@link #charge}), by the work done,
 * and the {@code burst} units saved while idle go at once: the first pages of a walk, or a few listings of small
 * indexes, never wait. Listings running at the same time share the one budget. 0 units a second is unpaced.
 */
final class ListingPace {
    /** The units saved while idle: one page of the largest limit. */
    static final long BURST = 1_000;

    private final int rate;
    private final long nanosPerUnit;
    private final long burstNanos;
    private final LongSupplier clock;
    /** The time at which all the work charged so far is paid for. */
    private final AtomicLong paidAt;

    private ListingPace(int rate, LongSupplier clock) {
        this.rate = rate;
        this.nanosPerUnit = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        this.burstNanos = BURST * nanosPerUnit;
        this.clock = clock;
        this.paidAt = new AtomicLong(clock.getAsLong() - burstNanos);
    }

    /** A pace of {@code rate} units a second (0: unpaced). */
    static ListingPace of(int rate) {
        return new ListingPace(rate, System::nanoTime);
    }

    /** As {@link #of(int)}, on another clock (tests). */
    static ListingPace of(int rate, LongSupplier clock) {
        return new ListingPace(rate, clock);
    }

    /** Units a second; 0: unpaced. */
    int rate() {
        return rate;
    }

    boolean paced() {
        return nanosPerUnit != 0;
    }

    /** How long a round started now would wait, in nanoseconds (0: it goes at once). */
    long waitNanos() {
        return paced() ? Math.max(0, paidAt.get() - clock.getAsLong()) : 0;
    }

    /**
     * Waits until the work charged so far is paid for.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    void awaitTurn() throws InterruptedException {
        for (long wait = waitNanos(); wait > 0; wait = waitNanos()) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Charges {@code units} of work done; credit saved while idle pays first, up to {@link #BURST} units. */
    void charge(long units) {
        if (!paced() || units <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long cost = units * nanosPerUnit;
        paidAt.accumulateAndGet(now - burstNanos, (paid, earliest) -> Math.max(paid, earliest) + cost);
    }
}
