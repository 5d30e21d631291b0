package dev.sessionstore.coordination;

import java.util.List;

/**
 * Cluster-wide scheduled jobs: every slot of a job's schedule is claimed by exactly one instance of the
 * cluster (see {@link SchedulerOptions#maxClockSkew()} for the bound on clock skew), and its run is
 * recorded in the job's history. Thread-safe.
 */
public interface Scheduler {
    /**
     * Adds a job to this instance. Every instance that should take part registers the same job.
     *
     * @throws IllegalArgumentException if a job with this name is already registered here
     * @throws CoordinationUnavailableException if the backend cannot be reached (the job is then not
     *     registered)
     */
    void register(JobDefinition job);

    /** Starts the background loop that calls {@link #runDueJobs()} every poll interval. Idempotent. */
    void start();

    /**
     * Claims every slot due now on this instance's clock that no instance has claimed, runs those this
     * instance won (in parallel, on virtual threads) and returns when they have ended.
     *
     * @return the runs this call performed, possibly none
     * @throws CoordinationUnavailableException if the backend cannot be reached
     */
    List<JobRun> runDueJobs();

    /** The latest runs of {@code job} across the cluster, newest first, at most {@code limit}. */
    List<JobRun> history(String job, int limit);
}
