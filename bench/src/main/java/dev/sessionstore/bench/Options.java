package dev.sessionstore.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options shared by the subcommands; {@code --quick} shrinks every duration and count
 * for a smoke run.
 *
 * @param threads thread counts to measure
 * @param runs interleaved runs per store (the report shows the median)
 * @param phase how long each measured phase runs
 * @param warmup how long each warm-up phase runs
 * @param bytesSessions sessions created to measure bytes per session in {@code compare}
 * @param memorySessions sessions created per layout by {@code memory}
 * @param poolUsers users in the pool that touch, update and list use (three sessions each)
 * @param maxCreates most sessions one create phase makes (bounds the in-memory store's heap)
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

    static Options parse(List<String> args) {
        boolean quick = args.contains("--quick");
        List<Integer> threads = List.of(1, 16);
        int runs = quick ? 1 : 3;
        Duration phase = Duration.ofMillis(quick ? 500 : 3000);
        Duration warmup = Duration.ofMillis(quick ? 500 : 3000);
        int bytes = quick ? 2_000 : 20_000;
        int memory = quick ? 10_000 : 100_000;
        int poolUsers = quick ? 200 : 1_000;
        List<String> stores = ALL_STORES;
        Optional<String> redis = Optional.empty();
        Optional<String> pg = Optional.empty();
        String pgUser = "postgres";
        String pgPassword = "";
        Path out = Path.of("docs");
        JmhSettings jmh = quick ? new JmhSettings(1, 1, 1, 1, 1) : new JmhSettings(1, 2, 3, 3, 5);
        List<String> rest = new ArrayList<>(args);
        rest.remove("--quick");
        for (int i = 0; i < rest.size(); i++) {
            String name = rest.get(i);
            String value = i + 1 < rest.size() ? rest.get(++i) : missing(name);
            switch (name) {
                case "--threads" -> threads = ints(name, value);
                case "--runs" -> runs = positive(name, value);
                case "--phase-ms" -> phase = Duration.ofMillis(positive(name, value));
                case "--warmup-ms" -> warmup = Duration.ofMillis(positive(name, value));
                case "--bytes-sessions" -> bytes = positive(name, value);
                case "--memory-sessions" -> memory = positive(name, value);
                case "--pool-users" -> poolUsers = positive(name, value);
                case "--stores" -> stores = stores(value);
                case "--redis-url" -> redis = Optional.of(value);
                case "--pg-url" -> pg = Optional.of(value);
                case "--pg-user" -> pgUser = value;
                case "--pg-password" -> pgPassword = value;
                case "--out" -> out = Path.of(value);
                case "--jmh-seconds" -> jmh = jmhSeconds(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; see --help");
            }
        }
        return new Options(
                threads,
                runs,
                phase,
                warmup,
                bytes,
                memory,
                poolUsers,
                300_000,
                stores,
                redis,
                pg,
                pgUser,
                pgPassword,
                out,
                quick,
                jmh);
    }

    private static String missing(String name) {
        throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unexpected " + name);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer: " + value);
    }

    /** {@code W,M}: seconds per warm-up and per measurement iteration (2 and 3 iterations). */
    private static JmhSettings jmhSeconds(String name, String value) {
        List<Integer> s = ints(name, value);
        if (s.size() != 2) {
            throw new IllegalArgumentException(name + " must be WARMUP_SECONDS,MEASURE_SECONDS: " + value);
        }
        return new JmhSettings(1, 2, s.get(0), 3, s.get(1));
    }

    private static List<Integer> ints(String name, String value) {
        return Arrays.stream(value.split(",")).map(v -> positive(name, v)).toList();
    }

    private static List<String> stores(String value) {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String n : names) {
            if (!ALL_STORES.contains(n)) {
                throw new IllegalArgumentException("--stores: unknown store " + n + "; known: " + ALL_STORES);
            }
        }
        return names;
    }
}
