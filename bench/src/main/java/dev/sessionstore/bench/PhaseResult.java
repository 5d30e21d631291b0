package dev.sessionstore.bench;

import org.HdrHistogram.Histogram;

/**
 * What one phase measured.
 *
 * @param ops operations completed
 * @param errors operations that threw
 * @param seconds wall-clock time of the phase
 * @param latencyNanos latency of each completed operation
 * @param firstError the first error, or empty text
 */
record PhaseResult(long ops, long errors, double seconds, Histogram latencyNanos, String firstError) {
    double opsPerSecond() {
        return seconds > 0 ? ops / seconds : 0;
    }
}
