package dev.sessionstore.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The jar's own commands: {@code compare}, {@code memory}, {@code jmh}, {@code paging}, {@code all} and {@code help}.
 * Every command answers {@code --help} with its usage; a bad option gets one line naming it, the usage,
 * and exit code 2. {@link BenchMain} hands any other first argument to JMH.
 */
@Command(
        name = "sessionstore-bench",
        mixinStandardHelpOptions = true,
        versionProvider = BenchCommand.Version.class,
        description = "Benchmarks of sessionstore: the backend comparison, bytes per session and JMH.",
        subcommands = {
            BenchCommand.Compare.class,
            BenchCommand.Memory.class,
            BenchCommand.Jmh.class,
            BenchCommand.Paging.class,
            BenchCommand.All.class,
            HelpCommand.class
        },
        footer = {
            "%nAny other first argument goes to JMH's own command line, e.g.",
            "  java -jar bench/target/sessionstore-bench.jar RedisStoreBenchmark -t 16 -f 1",
            "  java -jar bench/target/sessionstore-bench.jar -l      (lists the benchmarks)",
            "Options of a command: <command> --help."
        })
final class BenchCommand implements Callable<Integer> {
    /** First arguments this class answers; any other goes to JMH. */
    static final List<String> OWN_FIRST_ARGS =
            List.of("compare", "memory", "jmh", "paging", "all", "help", "-h", "--help", "-V", "--version");

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    @Spec
    CommandSpec spec;

    /** Runs the command line; returns the exit code (0, 1 on a failed run, 2 on a usage error). */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new BenchCommand())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(BenchCommand::usageError)
                .setExecutionExceptionHandler(BenchCommand::runFailed)
                .execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        cli.usage(cli.getErr());
        return ExitCode.USAGE;
    }

    private static int runFailed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        if (e instanceof IllegalArgumentException) {
            err.println(command + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        err.println(command + " failed: " + e);
        e.printStackTrace(err);
        return ExitCode.SOFTWARE;
    }

    /** What the subcommands share: the options, standard help, and how they run. */
    @Command(
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            sortOptions = false,
            abbreviateSynopsis = true,
            footer = "%nRedis is started without persistence unless --redis-url is given; PostgreSQL is embedded"
                    + " unless --pg-url is given.")
    abstract static class Run implements Callable<Integer> {
        @Mixin
        BenchOptions options = new BenchOptions();

        @SuppressWarnings("NullAway.Init") // picocli injects it before call()
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            List<String> args = spec.commandLine().getParent().getParseResult().originalArgs();
            BenchMain.run(spec.name(), options.toOptions(), BenchMain.JAR + " " + String.join(" ", args));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "compare",
            description = "Redis, ORM (PostgreSQL), in-memory stores and Spring Session on the same workload;"
                    + " writes <out>/compare.md, <out>/compare-summary.md (for the README) and"
                    + " <out>/images/compare.svg.")
    static final class Compare extends Run {}

    @Command(
            name = "memory",
            description = "Bytes per session in Redis: the Redis store's and Spring Session's layouts.")
    static final class Memory extends Run {}

    @Command(name = "jmh", description = "The JMH benchmark of the Redis store against a raw HGETALL.")
    static final class Jmh extends Run {}

    @Command(
            name = "paging",
            description = "Listings at scale: touch latency of 16 threads (the largest --threads) alone and while"
                    + " another thread walks a 100,000-session index value: paged (limits 100 and 1000) flat out, on"
                    + " the touches' connection or its own, paced by --walk-pause-ms, flat out through a store at"
                    + " the default index listing pace, and unpaged as before paging;"
                    + " --runs interleaved rounds of --phase-ms phases.")
    static final class Paging extends Run {}

    @Command(name = "all", description = "jmh + memory + compare; also writes <out>/benchmarks.md.")
    static final class All extends Run {}

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sessionstore-bench " + MachineInfo.version("dev.sessionstore", "sessionstore-bench")};
        }
    }
}
