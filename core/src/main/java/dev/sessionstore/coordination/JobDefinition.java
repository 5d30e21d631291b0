package dev.sessionstore.coordination;

import java.time.Duration;
import java.util.Objects;

/**
 * A scheduled job.
 *
 * @param name the job name, validated by {@link Names#check}
 * @param misfireGrace how late (on the polling instance's clock) a slot may still be run as on time;
 *     older unclaimed slots are missed and follow {@code missedSlotPolicy}
 * @param maxRunTime the lease of one run on the job's lock (renewed by a watchdog while the task runs)
 */
public record JobDefinition(
        String name,
        Schedule schedule,
        MissedSlotPolicy missedSlotPolicy,
        Duration misfireGrace,
        Duration maxRunTime,
        JobTask task) {
    public JobDefinition {
        Names.check("job name", name);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(missedSlotPolicy, "missedSlotPolicy");
        Objects.requireNonNull(task, "task");
        if (misfireGrace == null || misfireGrace.isNegative() || misfireGrace.isZero()) {
            throw new IllegalArgumentException("misfireGrace must be positive: " + misfireGrace);
        }
        new LockOptions(maxRunTime, true, false);
    }

    /**
     * A job with policy {@link MissedSlotPolicy#SKIP}, a grace of one period (at most one minute) and a
     * run lease of 30 seconds.
     */
    public static JobDefinition of(String name, Schedule schedule, JobTask task) {
        Duration period = schedule.minimumPeriod();
        Duration grace = period.compareTo(Duration.ofMinutes(1)) < 0 ? period : Duration.ofMinutes(1);
        return new JobDefinition(name, schedule, MissedSlotPolicy.SKIP, grace, Duration.ofSeconds(30), task);
    }

    public JobDefinition withMissedSlotPolicy(MissedSlotPolicy policy) {
        return new JobDefinition(name, schedule, policy, misfireGrace, maxRunTime, task);
    }

    public JobDefinition withMisfireGrace(Duration grace) {
        return new JobDefinition(name, schedule, missedSlotPolicy, grace, maxRunTime, task);
    }

    public JobDefinition withMaxRunTime(Duration lease) {
        return new JobDefinition(name, schedule, missedSlotPolicy, misfireGrace, lease, task);
    }
}
