package dev.sessionstore.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings shared by the subcommands, read from the command line by {@link BenchOptions}; {@code
 * --quick} shrinks every duration and count for a smoke run.
 *
 * @param threads thread counts to measure
 * @param runs interleaved runs per store (the report shows the median)
 * @param phase how long each measured phase runs
 * @param warmup how long each warm-up phase runs
 * @param bytesSessions sessions created to measure bytes per session in {@code compare}
 * @param memorySessions sessions created per layout by {@code memory}
 * @param poolUsers users in the pool that touch, update and list use (three sessions each)
 * @param maxCreates most sessions one create phase makes (bounds the in-memory store's heap)
 * @param walkPause the pause between two pages of {@code paging}'s paced walk
 * @param stores targets to run, by name
 * @param redisUrl a Redis to use instead of starting one
 * @param pgUrl a PostgreSQL to use instead of starting one
 * @param pgUser its user
 * @param pgPassword its password
 * @param out directory for the reports ({@code docs})
 * @param quick whether this is a smoke run
 * @param jmhArgs the JMH settings: forks, warm-up and measurement iterations and seconds
 */
record Options(
        List<Integer> threads,
        int runs,
        Duration phase,
        Duration warmup,
        int bytesSessions,
        int memorySessions,
        int poolUsers,
        int maxCreates,
        Duration walkPause,
        List<String> stores,
        Optional<String> redisUrl,
        Optional<String> pgUrl,
        String pgUser,
        String pgPassword,
        Path out,
        boolean quick,
        JmhSettings jmhArgs) {

    static final List<String> ALL_STORES =
            List.of("redis-store", "jdbc-store", "memory-store", "spring-simple", "spring-indexed");

    /** JMH settings. */
    record JmhSettings(int forks, int warmupIterations, int warmupSeconds, int iterations, int iterationSeconds) {}
}
