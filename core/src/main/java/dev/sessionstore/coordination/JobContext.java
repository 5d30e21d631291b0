package dev.sessionstore.coordination;

import java.time.Instant;

/** What a running job knows about its run. Valid only during the run. */
public interface JobContext {
    String job();

    /** The slot (due time) being run. */
    Instant slot();

    String instanceId();

    /** The run's lease on the job's lock; pass {@code lease().fence()} to every fenced write. */
    FencedLease lease();

    default long fence() {
        return lease().fence();
    }
}
