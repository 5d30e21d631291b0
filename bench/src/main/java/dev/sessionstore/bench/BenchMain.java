package dev.sessionstore.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jar's entry point: {@code compare}, {@code memory}, {@code jmh} and {@code all} are ours; anything
 * else goes to JMH's own {@code org.openjdk.jmh.Main} (so {@code java -jar ... RedisStoreBenchmark -t 16}
 * works as with any JMH jar).
 */
public final class BenchMain {
    static final String JAR = "java -jar bench/target/sessionstore-bench.jar";
    private static final PrintStream OUT = System.out;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = JAR + " " + String.join(" ", args);
        String sub = args.length == 0 ? "" : args[0];
        if (List.of("compare", "memory", "jmh", "all").contains(sub)) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            Options o = Options.parse(rest);
            run(sub, o, command);
            System.exit(0);
        } else if (List.of("help", "--help", "-h").contains(sub)) {
            OUT.println(usage());
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }

    private static void run(String sub, Options o, String command) throws IOException {
        boolean pg = !sub.equals("memory") && !sub.equals("jmh") && o.stores().contains("jdbc-store");
        try (Backends b = Backends.start(o, pg, OUT)) {
            Map<String, String> env = environment(o, b, command);
            switch (sub) {
                case "compare" -> writeCompare(o, new CompareRunner(o, b, OUT).run(env));
                case "memory" -> OUT.println(MemoryCommand.markdown(MemoryCommand.run(b, o.memorySessions(), OUT)));
                case "jmh" -> JmhCommand.run(o, b.redis().uri()).forEach(OUT::println);
                default -> all(o, b, env);
            }
        }
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

    static String usage() {
        return """
                usage: %s <command> [options]
                  compare   Redis, ORM (PostgreSQL), in-memory stores and Spring Session, same workload;
                            writes docs/compare.md, docs/compare-summary.md (for the README) and
                            docs/images/compare.svg
                  memory    bytes per session in Redis: the Redis store and Spring Session's layouts
                  jmh       the JMH benchmark of the Redis store against a raw HGETALL
                  all       jmh + memory + compare; also writes docs/benchmarks.md
                  anything else is passed to JMH (e.g. RedisStoreBenchmark -t 16 -f 1)
                options: --quick  --threads 1,16  --runs 3  --phase-ms 3000  --warmup-ms 3000
                         --bytes-sessions 20000  --memory-sessions 100000  --pool-users 1000
                         --stores redis-store,jdbc-store,memory-store,spring-simple,spring-indexed
                         --redis-url redis://...  --pg-url jdbc:postgresql://...  --pg-user u  --pg-password p
                         --jmh-seconds 3,5 (seconds per JMH warm-up and measurement iteration)  --out docs
                Redis is started without persistence unless --redis-url is given; PostgreSQL is embedded
                unless --pg-url is given.
                """.formatted(JAR);
    }
}
