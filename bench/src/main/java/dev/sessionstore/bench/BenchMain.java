package dev.sessionstore.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jar's entry point: {@code compare}, {@code memory}, {@code jmh}, {@code paging}, {@code all} and {@code help} are
 * ours ({@link BenchCommand}); any other first argument goes to JMH's own {@code org.openjdk.jmh.Main}
 * (so {@code java -jar ... RedisStoreBenchmark -t 16} works as with any JMH jar).
 */
public final class BenchMain {
    static final String JAR = "java -jar bench/target/sessionstore-bench.jar";
    private static final PrintStream OUT = System.out;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (passesToJmh(args)) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        int exitCode = BenchCommand.execute(args, writer(System.out), writer(System.err));
        System.exit(exitCode); // the stores' client threads would keep the JVM up
    }

    /** Writes in the stream's own charset (the console's), as {@code System.out} does. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }

    /** Whether {@code args} are JMH's: a first argument that is none of ours. */
    static boolean passesToJmh(String[] args) {
        return args.length > 0 && !BenchCommand.OWN_FIRST_ARGS.contains(args[0]);
    }

    static void run(String sub, Options o, String command) throws Exception {
        boolean pg =
                !List.of("memory", "jmh", "paging").contains(sub) && o.stores().contains("jdbc-store");
        try (Backends b = Backends.start(o, pg, OUT)) {
            Map<String, String> env = environment(o, b, command);
            switch (sub) {
                case "compare" -> writeCompare(o, new CompareRunner(o, b, OUT).run(env));
                case "memory" -> OUT.println(MemoryCommand.markdown(MemoryCommand.run(b, o.memorySessions(), OUT)));
                case "jmh" -> JmhCommand.run(o, b.redis().uri()).forEach(OUT::println);
                case "paging" -> paging(o, b);
                default -> all(o, b, env);
            }
        }
    }

    private static void paging(Options o, Backends b) throws Exception {
        int indexSessions = o.quick() ? 5_000 : 100_000;
        int threads = o.threads().stream().mapToInt(Integer::intValue).max().orElse(16);
        var phases = PagingCommand.run(b, indexSessions, threads, o.phase(), o.walkPause(), o.runs(), OUT);
        OUT.println(PagingReport.markdown(phases, indexSessions, o.walkPause()));
    }

    private static void all(Options o, Backends b, Map<String, String> env) throws IOException {
        var jmh = JmhCommand.run(o, b.redis().uri());
        var memory = MemoryCommand.run(b, o.memorySessions(), OUT);
        CompareResult compare = new CompareRunner(o, b, OUT).run(env);
        writeCompare(o, compare);
        Path file = o.out().resolve("benchmarks.md");
        String previous = Files.exists(file) ? Files.readString(file) : "";
        var in = new BenchmarksReport.Inputs(env, JmhCommand.describe(o), jmh, memory, Optional.of(compare));
        write(file, BenchmarksReport.markdown(in, previous));
        BenchmarksReport.checks(in).forEach(c -> OUT.println(c.verdict() + "  " + c.target() + ": " + c.measured()));
    }

    private static void writeCompare(Options o, CompareResult r) throws IOException {
        write(
                o.out().resolve("images/compare.svg"),
                SvgChart.render(r, "sessionstore: operations per second by store"));
        write(o.out().resolve("compare.md"), CompareReport.markdown(r, "images/compare.svg"));
        write(o.out().resolve("compare-summary.md"), ReadmeSummary.markdown(r));
        Targets.compare(r).forEach(c -> OUT.println(c.verdict() + "  " + c.target() + ": " + c.measured()));
        Targets.cost(r).forEach(c -> OUT.println(c.verdict() + "  " + c.target() + ": " + c.measured()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        OUT.println("wrote " + file);
    }

    static Map<String, String> environment(Options o, Backends b, String command) {
        Map<String, String> env = new LinkedHashMap<>(MachineInfo.collect(command));
        env.put("Redis", b.redis().version() + " (" + b.redis().persistence() + ")");
        b.postgres().ifPresent(pg -> env.put("PostgreSQL", pg.version() + " (" + pg.settings() + ")"));
        MachineInfo.libraries().forEach((k, v) -> env.put(k, v));
        env.put(
                "Settings",
                "threads %s, %d run(s), phases of %d ms after a %d ms warm-up, pool of %,d users × %d sessions%s"
                        .formatted(
                                o.threads(),
                                o.runs(),
                                o.phase().toMillis(),
                                o.warmup().toMillis(),
                                o.poolUsers(),
                                Pool.SESSIONS_PER_USER,
                                o.quick() ? " (--quick: a smoke run, not a measurement)" : ""));
        return env;
    }
}
