package dev.sessionstore.coordination;

/** The body of a scheduled job. Throwing marks the run {@link RunOutcome#FAILED}. */
@FunctionalInterface
public interface JobTask {
    void run(JobContext context) throws Exception;
}
