package dev.sessionstore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs one operation on N platform threads for a fixed time (or until every thread's task is
 * exhausted) and records each call's latency in an HdrHistogram. Errors are counted, not timed.
 */
final class PhaseRunner {
    /** Latencies are recorded up to this bound; slower calls are clamped to it. */
    private static final long MAX_NANOS = Duration.ofSeconds(60).toNanos();

    /** One thread's share of a phase. */
    interface Task {
        /** Does one operation; returns false, without doing anything, when the task has no more work. */
        boolean next() throws Exception;
    }

    private PhaseRunner() {}

    static PhaseResult run(int threads, Duration duration, IntFunction<Task> tasks) {
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[1];
        for (int t = 0; t < threads; t++) {
            Histogram h = new Histogram(MAX_NANOS, 2);
            histograms.add(h);
            Task task = tasks.apply(t);
            workers.add(Thread.ofPlatform()
                    .name("bench-" + t)
                    .unstarted(() -> loop(task, h, start, window, errors, firstError)));
        }
        workers.forEach(Thread::start);
        long begin = System.nanoTime();
        window[0] = begin + duration.toNanos();
        start.countDown();
        joinAll(workers);
        double seconds = (System.nanoTime() - begin) / 1e9;
        Histogram all = new Histogram(MAX_NANOS, 2);
        histograms.forEach(all::add);
        return new PhaseResult(all.getTotalCount(), errors.get(), seconds, all, describe(firstError.get()));
    }

    private static void loop(
            Task task,
            Histogram h,
            CountDownLatch start,
            long[] window,
            AtomicLong errors,
            AtomicReference<Throwable> firstError) {
        await(start);
        long deadline = window[0];
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= deadline) {
                return;
            }
            try {
                if (!task.next()) {
                    return;
                }
                h.recordValue(Math.min(System.nanoTime() - t0, MAX_NANOS));
            } catch (Exception | AssertionError e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void joinAll(List<Thread> workers) {
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static String describe(@Nullable Throwable t) {
        return t == null ? "" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
