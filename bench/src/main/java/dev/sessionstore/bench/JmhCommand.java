package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@code RedisStoreBenchmark} through JMH at each thread count, all on one Redis server. */
final class JmhCommand {
    /** The system property that points the benchmark's forks at one Redis. */
    static final String REDIS_URI_PROPERTY = "sessionstore.bench.redisUri";

    /**
     * One benchmark's score.
     *
     * @param benchmark the method name
     * @param threads JMH threads
     * @param opsPerSecond the score
     * @param error the 99.9% confidence half-width JMH reports (NaN with a single iteration)
     */
    record Score(String benchmark, int threads, double opsPerSecond, double error) {}

    private JmhCommand() {}

    static List<Score> run(Options o, String redisUri) {
        List<Score> scores = new ArrayList<>();
        var s = o.jmhArgs();
        for (int threads : o.threads()) {
            var opts = new OptionsBuilder()
                    .include("dev\\.sessionstore\\.bench\\.RedisStoreBenchmark\\.")
                    .threads(threads)
                    .forks(s.forks())
                    .warmupIterations(s.warmupIterations())
                    .warmupTime(TimeValue.seconds(s.warmupSeconds()))
                    .measurementIterations(s.iterations())
                    .measurementTime(TimeValue.seconds(s.iterationSeconds()))
                    .jvmArgsAppend("-D" + REDIS_URI_PROPERTY + "=" + redisUri, "-Xmx2g")
                    .shouldFailOnError(true)
                    .build();
            try {
                for (RunResult r : new Runner(opts).run()) {
                    String name = r.getParams().getBenchmark();
                    scores.add(new Score(
                            name.substring(name.lastIndexOf('.') + 1),
                            threads,
                            r.getPrimaryResult().getScore(),
                            r.getPrimaryResult().getScoreError()));
                }
            } catch (RunnerException e) {
                throw new IllegalStateException("JMH failed", e);
            }
        }
        return scores;
    }

    /** The JMH settings as a command-line fragment, for the report. */
    static String describe(Options o) {
        var s = o.jmhArgs();
        return "-f %d -wi %d -w %ds -i %d -r %ds, -t %s"
                .formatted(
                        s.forks(),
                        s.warmupIterations(),
                        s.warmupSeconds(),
                        s.iterations(),
                        s.iterationSeconds(),
                        o.threads().stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + " and " + b)
                                .orElse(""));
    }
}
