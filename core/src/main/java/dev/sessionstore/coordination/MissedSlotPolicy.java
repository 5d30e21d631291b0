package dev.sessionstore.coordination;

/**
 * What to do with slots that nobody claimed within the job's misfire grace (for example because every
 * instance was down).
 */
public enum MissedSlotPolicy {
    /** Never run a missed slot. */
    SKIP,
    /** Run the latest missed slot once (claimed like any slot, so by one instance), skip the others. */
    CATCH_UP_ONCE
}
