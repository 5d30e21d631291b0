package dev.sessionstore.testkit.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LeaseLostException;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code FencedLocks} implementation must do. Subclasses make instances that share one
 * backend; lease expiry is real time on the backend, so leases here are short.
 */
public abstract class FencedLockContract {
    private final List<Coordination> opened = new ArrayList<>();

    /** A new instance sharing the backend of every other instance of this test, on {@code clock}. */
    protected abstract Coordination newInstance(String instanceId, Clock clock);

    private Coordination instance(String id) {
        return track(newInstance(id, Clock.systemUTC()));
    }

    private Coordination track(Coordination c) {
        opened.add(c);
        return c;
    }

    @AfterEach
    void closeInstances() {
        opened.forEach(Coordination::close);
    }

    private static String lockName() {
        return "lock-" + UUID.randomUUID();
    }

    @Test
    void tryAcquire_whenFree_returnsLeaseWithPositiveFence() {
        String name = lockName();
        try (FencedLease lease = instance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5)))
                .orElseThrow()) {
            assertThat(lease.name()).isEqualTo(name);
            assertThat(lease.fence()).isPositive();
            assertThat(lease.isLost()).isFalse();
        }
    }

    @Test
    void tryAcquire_whileHeldByAnotherInstance_returnsEmpty() {
        String name = lockName();
        Coordination a = instance("a");
        Coordination b = instance("b");
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
    void fence_strictlyIncreasesWithEveryAcquisition() {
        String name = lockName();
        List<Coordination> instances = List.of(instance("a"), instance("b"));
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
    void close_thenAnotherInstanceAcquires() {
        String name = lockName();
        instance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofSeconds(30)))
                .orElseThrow()
                .close();
        assertThat(instance("b").locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                .isPresent();
    }

    @Test
    void leaseEnds_withoutRenewal_anotherInstanceAcquiresWithHigherFence() {
        String name = lockName();
        FencedLease first = instance("a")
                .locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofMillis(200)))
                .orElseThrow();
        Coordination b = instance("b");
        FencedLease second = await().atMost(Duration.ofSeconds(3))
                .until(() -> b.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))), Optional::isPresent)
                .orElseThrow();
        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(first.isLost()).isTrue();
        assertThat(first.renew()).isFalse();
        first.close();
        assertThat(instance("c").locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))))
                .as("a stale holder's close must not release the new holder's lock")
                .isEmpty();
        assertThat(first.isLost()).isTrue();
        second.close();
    }

    @Test
    void renew_afterTakeover_returnsFalseMarksLostAndCounts() {
        String name = lockName();
        Coordination a = instance("a");
        FencedLease stale = a.locks()
                .tryAcquire(name, LockOptions.lease(Duration.ofMillis(100)))
                .orElseThrow();
        Coordination b = instance("b");
        await().atMost(Duration.ofSeconds(3))
                .until(() -> b.locks().tryAcquire(name, LockOptions.lease(Duration.ofSeconds(5))), Optional::isPresent);
        assertThat(stale.renew()).isFalse();
        assertThat(stale.isLost()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(stale::check).isInstanceOf(LeaseLostException.class);
        assertThat(a.locks().lostLeaseCount()).isEqualTo(1);
    }

    @Test
    void watchdog_keepsLeaseBeyondItsLength() {
        String name = lockName();
        Coordination b = instance("b");
        try (FencedLease lease = instance("a")
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
    void leaseLost_holderIsToldByFlagCallbackInterruptAndCounter() throws Exception {
        String name = lockName();
        MutableClock clock = MutableClock.at(Instant.now());
        Coordination a = track(newInstance("a", clock));
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
    void concurrentHolders_neverOverlap_andFencesAreUnique() throws Exception {
        String name = lockName();
        List<Coordination> instances = List.of(instance("a"), instance("b"), instance("c"));
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
