package dev.sessionstore.coordination;

/** How a claimed slot ended. */
public enum RunOutcome {
    /** The task returned normally while the run's lease was held. */
    SUCCEEDED,
    /** The task threw. */
    FAILED,
    /** The task ended but the run's lease was lost while it ran: its fenced writes may have been refused. */
    LEASE_LOST,
    /** The slot was claimed but an earlier run of the same job still held the job's lock: not run. */
    SKIPPED_OVERLAP
}
