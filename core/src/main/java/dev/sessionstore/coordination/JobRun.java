package dev.sessionstore.coordination;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a job's run history.
 *
 * @param slot the schedule's due time this run was for (computed from the schedule, not from a clock)
 * @param instance the instance that claimed the slot
 * @param started when the run started, on the running instance's clock
 * @param finished when it ended, on the running instance's clock
 * @param fence the fencing token of the run's lease, 0 when the task did not run
 */
public record JobRun(
        String job, Instant slot, String instance, Instant started, Instant finished, RunOutcome outcome, long fence) {
    public JobRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(outcome, "outcome");
    }
}
