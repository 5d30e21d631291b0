package dev.sessionstore.testkit.coordination;

import static dev.sessionstore.testkit.coordination.CoordinationSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LeaseLostException;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@code FencedLocks} implementation must do: one holder at a time, a strictly increasing
 * fence, owner-checked renew and release, and a holder told when its lease is lost. Lease expiry is real
 * time on the backend, so leases here are short.
 */
public interface FencedLockContract extends CoordinationFixture {

    @Test
    default void tryAcquire_whenFree_returnsLeaseWithPositiveFence() {
        String name = uniqueName("lock");
        try (FencedLease lease = openInstance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5)))
                .orElseThrow()) {
            assertThat(lease.name()).isEqualTo(name);
            assertThat(lease.fence()).isPositive();
            assertThat(lease.isLost()).isFalse();
        }
    }

    @Test
    default void tryAcquire_whileHeldByAnotherInstance_returnsEmpty() {
        String name = uniqueName("lock");
        Coordination a = openInstance("a");
        Coordination b = openInstance("b");
        try (FencedLease held = a.locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5)))
                .orElseThrow()) {
            assertThat(b.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                    .isEmpty();
            assertThat(a.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                    .isEmpty();
        }
    }

    @Test
    default void fence_strictlyIncreasesWithEveryAcquisition() {
        String name = uniqueName("lock");
        List<Coordination> instances = List.of(openInstance("a"), openInstance("b"));
        long previous = 0;
        for (int i = 0; i < 10; i++) {
            try (FencedLease lease = instances
                    .get(i % 2)
                    .locks()
                    .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5)))
                    .orElseThrow()) {
                assertThat(lease.fence()).isGreaterThan(previous);
                previous = lease.fence();
            }
        }
        assertThat(instances.get(0).locks().currentFence(name)).isEqualTo(previous);
    }

    @Test
    default void close_thenAnotherInstanceAcquires() {
        String name = uniqueName("lock");
        openInstance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(30)))
                .orElseThrow()
                .close();
        assertThat(openInstance("b").locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                .isPresent();
    }

    @Test
    default void leaseEnds_withoutRenewal_anotherInstanceAcquiresWithHigherFence() {
        String name = uniqueName("lock");
        FencedLease first = openInstance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofMillis(200)))
                .orElseThrow();
        Coordination b = openInstance("b");
        FencedLease second = await().atMost(Duration.ofSeconds(3))
                .until(() -> b.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))), Optional::isPresent)
                .orElseThrow();
        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(first.isLost()).isTrue();
        assertThat(first.renew()).isFalse();
        first.close();
        assertThat(openInstance("c").locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                .as("a stale holder's close must not release the new holder's lock")
                .isEmpty();
        assertThat(first.isLost()).isTrue();
        second.close();
    }

    @Test
    default void renew_afterTakeover_returnsFalseMarksLostAndCounts() {
        String name = uniqueName("lock");
        Coordination a = openInstance("a");
        FencedLease stale = a.locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofMillis(100)))
                .orElseThrow();
        Coordination b = openInstance("b");
        await().atMost(Duration.ofSeconds(3))
                .until(() -> b.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))), Optional::isPresent);
        assertThat(stale.renew()).isFalse();
        assertThat(stale.isLost()).isTrue();
        assertThatThrownBy(stale::check).isInstanceOf(LeaseLostException.class);
        assertThat(a.locks().lostLeaseCount()).isEqualTo(1);
    }

    @Test
    default void watchdog_keepsLeaseBeyondItsLength() {
        String name = uniqueName("lock");
        Coordination b = openInstance("b");
        try (FencedLease lease = openInstance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofMillis(600)).withWatchdog())
                .orElseThrow()) {
            // a lease renewed past three times its length; lengths leave room for a loaded machine
            await().during(Duration.ofMillis(2000))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> b.locks()
                            .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5)))
                            .isEmpty());
            assertThat(lease.isLost()).isFalse();
        }
        assertThat(b.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                .isPresent();
    }

    @Test
    default void leaseLost_holderIsToldByFlagCallbackInterruptAndCounter() throws Exception {
        String name = uniqueName("lock");
        MutableClock clock = MutableClock.at(Instant.now());
        Coordination a = openInstance("a", clock, SchedulerOptions.defaults());
        AtomicBoolean callback = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch acquired = new CountDownLatch(1);
        AtomicInteger fenceSeen = new AtomicInteger();
        Thread holder = Thread.ofPlatform().start(() -> {
            FencedLease lease = a.locks()
                    .tryAcquire(
                            name,
                            LockOptions.lease(Duration.ofMillis(300))
                                    .withWatchdog()
                                    .withInterruptOnLoss())
                    .orElseThrow();
            lease.onLost(l -> callback.set(true));
            fenceSeen.set((int) lease.fence());
            acquired.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(lease.isLost());
            }
        });
        acquired.await();
        clock.advance(Duration.ofHours(1));
        holder.join(3_000);
        assertThat(interrupted).as("holder interrupted with isLost() true").isTrue();
        assertThat(fenceSeen.get()).as("the lost lease had a fencing token").isPositive();
        await().atMost(Duration.ofSeconds(2)).untilTrue(callback);
        assertThat(a.locks().lostLeaseCount()).isEqualTo(1);
    }

    @Test
    default void concurrentHolders_neverOverlap_andFencesAreUnique() throws Exception {
        String name = uniqueName("lock");
        List<Coordination> instances = List.of(openInstance("a"), openInstance("b"), openInstance("c"));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ConcurrentLinkedQueue<Long> fences = new ConcurrentLinkedQueue<>();
        AtomicInteger acquisitions = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Coordination c = instances.get(t % 3);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    Optional<FencedLease> lease = c.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(10)));
                    if (lease.isEmpty()) {
                        continue;
                    }
                    try (FencedLease l = lease.get()) {
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        fences.add(l.fence());
                        acquisitions.incrementAndGet();
                        inside.decrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(overlaps).hasValue(0);
        assertThat(acquisitions.get()).isPositive();
        assertThat(fences).doesNotHaveDuplicates().hasSize(acquisitions.get());
        assertThat(instances.get(0).locks().currentFence(name)).isEqualTo((long) acquisitions.get());
    }
}
