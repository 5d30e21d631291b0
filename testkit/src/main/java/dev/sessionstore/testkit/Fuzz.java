package dev.sessionstore.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/** Runs many threads against one store from a common start gate, bounded in time (after ShedLock's FuzzTester). */
final class Fuzz {
    /** No fuzz run may take longer than this. */
    static final Duration BOUND = Duration.ofSeconds(30);

    private Fuzz() {}

    /** Runs {@code task(i)} for each {@code i < threads} at once; rethrows the first failure as an AssertionError. */
    static void run(int threads, IntConsumer task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                gate.await();
                task.accept(n);
                return null;
            }));
        }
        gate.countDown();
        long deadline = deadline();
        try {
            for (Future<?> f : futures) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a fuzz thread failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("fuzz run did not finish within " + BOUND, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task of one thread in one round of {@link #runRounds}. */
    @FunctionalInterface
    interface RoundTask {
        void run(int thread, int round);
    }

    /**
     * Runs {@code rounds} rounds; in each, every thread waits for all others and then runs {@code
     * task(thread, round)} at once, so each round races at its most contended moment.
     */
    static void runRounds(int threads, int rounds, RoundTask task) {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        run(threads, t -> {
            for (int r = 0; r < rounds; r++) {
                try {
                    barrier.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                } catch (BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("a fuzz thread did not reach round " + r, e);
                }
                task.run(t, r);
            }
        });
    }

    /** A deadline, in {@link System#nanoTime()} terms, {@link #BOUND} from now. */
    static long deadline() {
        return System.nanoTime() + BOUND.toNanos();
    }

    /** Fails when a loop passed its deadline, so no loop runs unbounded. */
    static void checkDeadline(long deadline) {
        if (System.nanoTime() - deadline > 0) {
            throw new AssertionError("fuzz loop did not finish within " + BOUND);
        }
    }
}
