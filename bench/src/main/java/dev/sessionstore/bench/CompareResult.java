package dev.sessionstore.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code compare} run measured, ready to be written as Markdown and SVG.
 *
 * @param environment machine, versions and settings, label to value, in display order
 * @param stores the targets measured, in display order
 * @param threads the thread counts measured
 * @param runs interleaved runs per measurement
 * @param stats throughput and latency per store, operation and thread count
 * @param facts round trips and bytes per store
 * @param costs Redis CPU per operation of each Redis-backed store, operation and thread count
 * @param mixes the touch-heavy mix of each Redis-backed store
 * @param notes things the reader must know (skipped stores, errors)
 */
record CompareResult(
        Map<String, String> environment,
        List<String> stores,
        List<Integer> threads,
        int runs,
        List<OpStats> stats,
        Map<String, StoreFacts> facts,
        List<CostStats> costs,
        List<MixStats> mixes,
        List<String> notes) {

    /**
     * One store's figures for one operation at one thread count.
     *
     * @param median median over runs of operations per second
     * @param min lowest run
     * @param max highest run
     * @param p50Micros median latency over all runs' operations
     * @param p99Micros 99th percentile latency
     * @param errors operations that failed
     * @param firstError the first failure's message, or empty
     */
    record OpStats(
            String store,
            Op op,
            int threads,
            double median,
            double min,
            double max,
            double p50Micros,
            double p99Micros,
            long errors,
            String firstError) {}

    /**
     * @param roundTrips round trips per operation; absent for an operation the store cannot do
     * @param bytes bytes per session in the backing store
     */
    record StoreFacts(String store, Map<Op, Double> roundTrips, BytesPerSession.Result bytes) {}

    /**
     * Redis CPU per operation (see {@link RedisCost}), medians over runs.
     *
     * @param commandMicros commandstats usec per operation of the commands clients sent
     * @param processMicros Redis process CPU time per operation, NaN if unknown
     * @param innerCalls calls per operation of each command the store's scripts ran (all runs)
     */
    record CostStats(
            String store,
            Op op,
            int threads,
            double commandMicros,
            double processMicros,
            Map<String, Double> innerCalls) {}

    /**
     * The touch-heavy web mix ({@link Workers#MIX_TOUCH}% touch, the rest create and update), medians over runs.
     *
     * @param opsPerSecond operations per second
     * @param commandMicros commandstats usec per operation
     * @param processMicros Redis process CPU time per operation, NaN if unknown
     */
    record MixStats(String store, int threads, double opsPerSecond, double commandMicros, double processMicros) {
        /** Operations per second one fully busy Redis core would serve, by commandstats. */
        double opsPerCore() {
            return commandMicros > 0 ? 1e6 / commandMicros : Double.NaN;
        }

        /** The same by the Redis process's CPU time. */
        double opsPerCoreByProcess() {
            return processMicros > 0 ? 1e6 / processMicros : Double.NaN;
        }
    }

    Optional<CostStats> cost(String store, Op op, int threads) {
        return costs.stream()
                .filter(s -> s.store().equals(store) && s.op() == op && s.threads() == threads)
                .findFirst();
    }

    Optional<MixStats> mix(String store) {
        return mixes.stream().filter(s -> s.store().equals(store)).findFirst();
    }

    Optional<OpStats> stat(String store, Op op, int threads) {
        return stats.stream()
                .filter(s -> s.store().equals(store) && s.op() == op && s.threads() == threads)
                .findFirst();
    }
}
