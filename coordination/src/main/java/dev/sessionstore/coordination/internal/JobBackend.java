package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.JobRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of slot claims and run history, implemented once per backend. Not API. */
public interface JobBackend {
    /**
     * Claims {@code slot} of {@code job} for {@code instance} if nobody has (the claim is kept for {@code
     * retention}) and, when claimed, raises the job's latest claimed slot to {@code slot}. With {@code
     * onlyIfLatest} the claim is refused unless {@code slot} is after the latest claimed slot.
     */
    boolean claim(String job, Instant slot, String instance, Duration retention, boolean onlyIfLatest);

    /** The latest slot of {@code job} claimed by any instance. */
    Optional<Instant> latestClaimed(String job);

    /** Prepends {@code run} to the job's history and trims it to {@code maxLength}. */
    void record(JobRun run, int maxLength);

    /** Newest first. */
    List<JobRun> history(String job, int limit);
}
