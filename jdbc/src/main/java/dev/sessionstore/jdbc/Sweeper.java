package dev.sessionstore.jdbc;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reclaims expired rows: deletes sessions whose {@code expires_at} has passed (found through the {@code
 * ss_session_expires_at} index) in batches, each batch its own short transaction, so a long backlog never
 * holds locks for long. Optionally runs on a daemon thread at a fixed interval.
 */
final class Sweeper implements AutoCloseable {
    /** Rows deleted per transaction. */
    static final int BATCH = 1_000;

    private static final System.Logger LOG = System.getLogger(Sweeper.class.getName());

    private final Transactions transactions;
    private final Clock clock;
    private final Optional<ScheduledExecutorService> timer;

    Sweeper(Transactions transactions, Clock clock, Optional<Duration> interval) {
        this.transactions = transactions;
        this.clock = clock;
        this.timer = interval.map(this::schedule);
    }

    /** Deletes every session expired at the clock's now; returns how many sessions were deleted. */
    int sweep() {
        var now = clock.instant();
        int total = 0;
        while (true) {
            int deleted = transactions.inTransaction(repo -> repo.deleteExpired(now, BATCH));
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }

    private ScheduledExecutorService schedule(Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sessionstore-jdbc-sweep");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return executor;
    }

    private void sweepQuietly() {
        try {
            int deleted = sweep();
            LOG.log(Level.DEBUG, "swept {0} expired sessions", deleted);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session sweep failed; retrying at the next interval", e);
        }
    }

    @Override
    public void close() {
        timer.ifPresent(executor -> {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
