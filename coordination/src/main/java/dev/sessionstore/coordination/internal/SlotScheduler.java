package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.FencedLocks;
import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.MissedSlotPolicy;
import dev.sessionstore.coordination.Names;
import dev.sessionstore.coordination.Scheduler;
import dev.sessionstore.coordination.SchedulerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Scheduler} over any {@link JobBackend}. Each job keeps a cursor (the instant up to which this
 * instance has looked); a poll looks at the slots in {@code (cursor, now]}: those within the misfire
 * grace are claimed, older ones are missed and follow the job's policy. Not API.
 */
public final class SlotScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SlotScheduler.class);
    private static final int MAX_SLOTS_PER_POLL = 1000;

    private final JobBackend backend;
    private final JobExecutor executor;
    private final Clock clock;
    private final SchedulerOptions options;
    private final ScheduledExecutorService timer;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledFuture<?> loop;

    public SlotScheduler(
            JobBackend backend,
            FencedLocks locks,
            String instanceId,
            Clock clock,
            SchedulerOptions options,
            ScheduledExecutorService timer) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.executor = new JobExecutor(backend, locks, Names.check("instanceId", instanceId), clock, options);
    }

    private static final class Job {
        final JobDefinition definition;
        Instant cursor;

        Job(JobDefinition definition, Instant cursor) {
            this.definition = definition;
            this.cursor = cursor;
        }
    }

    @Override
    public void register(JobDefinition job) {
        Objects.requireNonNull(job, "job");
        Instant now = clock.instant();
        Instant cursor = backend.latestClaimed(job.name())
                .filter(last -> last.isBefore(now))
                .orElse(now);
        if (jobs.putIfAbsent(job.name(), new Job(job, cursor)) != null) {
            throw new IllegalArgumentException("job already registered: " + job.name());
        }
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            long ms = options.pollInterval().toMillis();
            loop = timer.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    private void pollQuietly() {
        try {
            runDueJobs();
        } catch (RuntimeException e) {
            LOG.warn("scheduler poll failed; retrying in {}: {}", options.pollInterval(), e.toString());
        }
    }

    @Override
    public synchronized List<JobRun> runDueJobs() {
        Instant now = clock.instant();
        List<JobExecutor.Claimed> claimed = new ArrayList<>();
        for (Job job : jobs.values()) {
            claimed.addAll(claimDue(job, now));
            job.cursor = now.isAfter(job.cursor) ? now : job.cursor;
        }
        return executor.runAll(claimed);
    }

    private List<JobExecutor.Claimed> claimDue(Job job, Instant now) {
        JobDefinition d = job.definition;
        Duration retention =
                options.maxClockSkew().multipliedBy(2).plus(d.misfireGrace()).plusMinutes(1);
        Instant earliest = now.minus(options.catchUpWindow());
        Instant from = job.cursor.isAfter(earliest) ? job.cursor : earliest;
        Instant graceStart = now.minus(d.misfireGrace());
        List<JobExecutor.Claimed> out = new ArrayList<>();
        if (d.missedSlotPolicy() == MissedSlotPolicy.CATCH_UP_ONCE && from.isBefore(graceStart)) {
            d.schedule()
                    .latestIn(from, graceStart)
                    .filter(slot -> executor.claim(d, slot, retention, true))
                    .ifPresent(slot -> out.add(new JobExecutor.Claimed(d, slot)));
        }
        Instant cursor = from.isAfter(graceStart) ? from : graceStart;
        for (int i = 0; i < MAX_SLOTS_PER_POLL; i++) {
            var next = d.schedule().nextAfter(cursor);
            if (next.isEmpty() || next.get().isAfter(now)) {
                break;
            }
            cursor = next.get();
            if (executor.claim(d, cursor, retention, false)) {
                out.add(new JobExecutor.Claimed(d, cursor));
            }
        }
        return out;
    }

    @Override
    public List<JobRun> history(String job, int limit) {
        Names.check("job name", job);
        if (limit < 1 || limit > options.historyLength()) {
            throw new IllegalArgumentException("limit must be in [1, " + options.historyLength() + "]: " + limit);
        }
        return backend.history(job, limit);
    }
}
