package dev.sessionstore.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every subcommand takes (a picocli mixin). Settings left out take their default, which
 * {@code --quick} shrinks for a smoke run; {@link #toOptions()} resolves them.
 */
final class BenchOptions {
    @Option(
            names = "--quick",
            description =
                    "A smoke run, not a measurement: 1 run, 500 ms phases, fewer sessions," + " 1 s JMH iterations.")
    boolean quick;

    @Option(
            names = "--threads",
            split = ",",
            paramLabel = "N",
            splitSynopsisLabel = ",",
            converter = PositiveInt.class,
            description = "Thread counts to measure (default: 1,16).")
    @Nullable
    List<Integer> threads;

    @Option(
            names = "--runs",
            paramLabel = "N",
            converter = PositiveInt.class,
            description = "Interleaved runs per store; the report shows the median (default: 3; 1 with --quick).")
    @Nullable
    Integer runs;

    @Option(
            names = "--phase-ms",
            paramLabel = "MS",
            converter = PositiveInt.class,
            description = "Length of each measured phase (default: 3000; 500 with --quick).")
    @Nullable
    Integer phaseMs;

    @Option(
            names = "--warmup-ms",
            paramLabel = "MS",
            converter = PositiveInt.class,
            description = "Length of each warm-up phase (default: 3000; 500 with --quick).")
    @Nullable
    Integer warmupMs;

    @Option(
            names = "--bytes-sessions",
            paramLabel = "N",
            converter = PositiveInt.class,
            description = "Sessions created to measure bytes per session in compare (default: 20000; 2000"
                    + " with --quick).")
    @Nullable
    Integer bytesSessions;

    @Option(
            names = "--walk-pause-ms",
            paramLabel = "MS",
            converter = PositiveInt.class,
            description = "Pause between two pages of the paced walk of paging (default: 20).")
    @Nullable
    Integer walkPauseMs;

    @Option(
            names = "--memory-sessions",
            paramLabel = "N",
            converter = PositiveInt.class,
            description = "Sessions created per layout by memory (default: 100000; 10000 with --quick).")
    @Nullable
    Integer memorySessions;

    @Option(
            names = "--pool-users",
            paramLabel = "N",
            converter = PositiveInt.class,
            description = "Users in the pool that touch, update and list use, three sessions each"
                    + " (default: 1000; 200 with --quick).")
    @Nullable
    Integer poolUsers;

    @Option(
            names = "--stores",
            split = ",",
            paramLabel = "STORE",
            splitSynopsisLabel = ",",
            converter = StoreName.class,
            description = "Stores to run (default: all of redis-store, jdbc-store, memory-store,"
                    + " spring-simple, spring-indexed).")
    @Nullable
    List<String> stores;

    @Option(
            names = "--redis-url",
            paramLabel = "URL",
            description = "A Redis to use (redis://...) instead of starting one without persistence.")
    @Nullable
    String redisUrl;

    @Option(
            names = "--pg-url",
            paramLabel = "JDBC_URL",
            description = "A PostgreSQL to use (jdbc:postgresql://...) instead of the embedded one.")
    @Nullable
    String pgUrl;

    @Option(
            names = "--pg-user",
            paramLabel = "USER",
            defaultValue = "postgres",
            description = "Its user (default: ${DEFAULT-VALUE}).")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    String pgUser;

    @Option(names = "--pg-password", paramLabel = "PASSWORD", defaultValue = "", description = "Its password.")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    String pgPassword;

    @Option(
            names = "--jmh-seconds",
            paramLabel = "WARMUP,MEASURE",
            converter = JmhSeconds.class,
            description = "Seconds per JMH warm-up and measurement iteration, 2 and 3 iterations"
                    + " (default: 3,5; 1,1 with one iteration each with --quick).")
    Options.@Nullable JmhSettings jmhSeconds;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "docs",
            description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    Path out;

    /** The settings, defaults resolved. */
    Options toOptions() {
        return new Options(
                threads == null ? List.of(1, 16) : List.copyOf(threads),
                or(runs, 1, 3),
                Duration.ofMillis(or(phaseMs, 500, 3000)),
                Duration.ofMillis(or(warmupMs, 500, 3000)),
                or(bytesSessions, 2_000, 20_000),
                or(memorySessions, 10_000, 100_000),
                or(poolUsers, 200, 1_000),
                300_000,
                Duration.ofMillis(walkPauseMs == null ? 20 : walkPauseMs),
                stores == null ? Options.ALL_STORES : List.copyOf(stores),
                Optional.ofNullable(redisUrl),
                Optional.ofNullable(pgUrl),
                pgUser,
                pgPassword,
                out,
                quick,
                jmhSeconds != null
                        ? jmhSeconds
                        : quick ? new Options.JmhSettings(1, 1, 1, 1, 1) : new Options.JmhSettings(1, 2, 3, 3, 5));
    }

    private int or(@Nullable Integer given, int quickDefault, int fullDefault) {
        return given != null ? given : quick ? quickDefault : fullDefault;
    }

    /** Parses {@code args} as these options alone. */
    static Options parse(String... args) {
        BenchOptions o = new BenchOptions();
        new CommandLine(o).parseArgs(args);
        return o.toOptions();
    }

    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("must be a positive integer: " + value);
        }
    }

    static final class StoreName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.trim();
            if (!Options.ALL_STORES.contains(name)) {
                throw new TypeConversionException("unknown store " + name + "; known: " + Options.ALL_STORES);
            }
            return name;
        }
    }

    /** {@code W,M}: seconds per warm-up and per measurement iteration (2 and 3 iterations). */
    static final class JmhSeconds implements ITypeConverter<Options.JmhSettings> {
        @Override
        public Options.JmhSettings convert(String value) {
            String[] s = value.split(",");
            if (s.length != 2) {
                throw new TypeConversionException("must be WARMUP_SECONDS,MEASURE_SECONDS: " + value);
            }
            PositiveInt positive = new PositiveInt();
            return new Options.JmhSettings(1, 2, positive.convert(s[0]), 3, positive.convert(s[1]));
        }
    }
}
