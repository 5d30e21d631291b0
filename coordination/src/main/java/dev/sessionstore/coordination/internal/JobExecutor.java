package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.FencedLocks;
import dev.sessionstore.coordination.JobContext;
import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.RunOutcome;
import dev.sessionstore.coordination.SchedulerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claims slots and runs claimed slots under the job's fenced lock, recording each run. */
final class JobExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);

    record Claimed(JobDefinition job, Instant slot) {}

    private record Context(String job, Instant slot, String instanceId, FencedLease lease) implements JobContext {}

    private final JobBackend backend;
    private final FencedLocks locks;
    private final String instanceId;
    private final Clock clock;
    private final SchedulerOptions options;

    JobExecutor(JobBackend backend, FencedLocks locks, String instanceId, Clock clock, SchedulerOptions options) {
        this.backend = backend;
        this.locks = locks;
        this.instanceId = instanceId;
        this.clock = clock;
        this.options = options;
    }

    boolean claim(JobDefinition job, Instant slot, Duration retention, boolean onlyIfLatest) {
        return backend.claim(job.name(), slot, instanceId, retention, onlyIfLatest);
    }

    List<JobRun> runAll(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JobRun>> futures = new ArrayList<>();
            claimed.forEach(c -> futures.add(pool.submit(() -> run(c))));
            List<JobRun> runs = new ArrayList<>();
            for (Future<JobRun> f : futures) {
                runs.add(join(f));
            }
            return runs;
        }
    }

    private static JobRun join(Future<JobRun> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for job runs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("job run crashed", e.getCause());
        }
    }

    private JobRun run(Claimed c) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JobDefinition job = c.job();
        Optional<FencedLease> lease = acquireWithinGrace(job);
        if (lease.isEmpty()) {
            return record(c, started, RunOutcome.SKIPPED_OVERLAP, 0);
        }
        try (FencedLease l = lease.get()) {
            RunOutcome outcome;
            try {
                job.task().run(new Context(job.name(), c.slot(), instanceId, l));
                outcome = l.isLost() ? RunOutcome.LEASE_LOST : RunOutcome.SUCCEEDED;
            } catch (Exception e) {
                LOG.warn("job '{}' slot {} failed: {}", job.name(), c.slot(), e.toString());
                outcome = l.isLost() ? RunOutcome.LEASE_LOST : RunOutcome.FAILED;
            }
            return record(c, started, outcome, l.fence());
        }
    }

    /** Runs of one job never overlap: wait (in real time) up to the misfire grace for the previous run. */
    private Optional<FencedLease> acquireWithinGrace(JobDefinition job) {
        LockOptions lockOptions = LockOptions.lease(job.maxRunTime()).withWatchdog();
        long giveUp = System.nanoTime() + job.misfireGrace().toNanos();
        long pauseMillis = 5; // grows to 100 ms: each try is a Redis round trip
        while (true) {
            Optional<FencedLease> lease = locks.tryAcquire("job." + job.name(), lockOptions);
            if (lease.isPresent() || System.nanoTime() > giveUp) {
                return lease;
            }
            try {
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(100, pauseMillis * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private JobRun record(Claimed c, Instant started, RunOutcome outcome, long fence) {
        JobRun run = new JobRun(
                c.job().name(),
                c.slot(),
                instanceId,
                started,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                outcome,
                fence);
        try {
            backend.record(run, options.historyLength());
        } catch (RuntimeException e) {
            LOG.warn("could not record run of job '{}' slot {}: {}", run.job(), run.slot(), e.toString());
        }
        return run;
    }
}
