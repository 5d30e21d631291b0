package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link ListingPace}'s accounts on a clock the test moves. */
class ListingPaceTest {
    private static final long MS = 1_000_000;
    private final AtomicLong now = new AtomicLong(5_000 * MS);

    @Test
    void unpaced_neverWaits() {
        ListingPace pace = ListingPace.of(0, now::get);
        pace.charge(1_000_000);
        assertThat(pace.paced()).isFalse();
        assertThat(pace.waitNanos()).isZero();
    }

    @Test
    void theFirstBurstGoesAtOnce_thenEachUnitCostsItsShareOfASecond() {
        ListingPace pace = ListingPace.of(1_000, now::get); // 1 ms a unit
        pace.charge(ListingPace.BURST);
        assertThat(pace.waitNanos())
                .as("a burst's credit, from a pace that has been idle")
                .isZero();
        pace.charge(250);
        assertThat(pace.waitNanos()).isEqualTo(250 * MS);
        now.addAndGet(100 * MS);
        assertThat(pace.waitNanos()).isEqualTo(150 * MS);
        now.addAndGet(150 * MS);
        assertThat(pace.waitNanos()).isZero();
    }

    @Test
    void creditSavedWhileIdle_isCappedAtOneBurst() {
        ListingPace pace = ListingPace.of(100, now::get); // 10 ms a unit
        now.addAndGet(Duration.ofHours(1).toNanos());
        pace.charge(ListingPace.BURST + 30);
        assertThat(pace.waitNanos()).isEqualTo(300 * MS);
    }

    @Test
    void listingsRunningTogether_shareOneBudget() {
        ListingPace pace = ListingPace.of(1_000, now::get);
        pace.charge(ListingPace.BURST); // the credit, spent
        for (int walker = 0; walker < 4; walker++) {
            assertThat(pace.waitNanos()).isEqualTo(walker * 100 * MS);
            pace.charge(100);
        }
        assertThat(pace.waitNanos()).isEqualTo(400 * MS);
    }

    @Test
    void awaitTurn_sleepsUntilTheWorkIsPaidFor() throws InterruptedException {
        ListingPace pace = ListingPace.of(1_000); // the real clock
        long t0 = System.nanoTime();
        pace.charge(ListingPace.BURST + 50); // paid for 50 ms after the charge, so at least 50 ms after t0
        pace.awaitTurn();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(50 * MS);
        assertThat(pace.waitNanos()).isZero();
    }
}
