package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jar's command line: usage for every command, one-line errors, exit codes, never a stack trace. */
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BenchCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertNoStackTrace() {
        assertThat(out + "" + err).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "compare | Redis, ORM (PostgreSQL), in-memory stores and Spring Session",
                "memory  | Bytes per session in Redis",
                "jmh     | The JMH benchmark of the Redis store",
                "all     | jmh + memory + compare"
            })
    void everyCommand_answersHelpWithItsUsageAndOptions(String command, String description) {
        assertThat(run(command, "--help")).isZero();
        String usage = out.toString().replaceAll("\\s+", " ");
        assertThat(usage)
                .startsWith("Usage: sessionstore-bench " + command + " [OPTIONS] ")
                .contains(description)
                .contains(
                        "--quick",
                        "--threads=N",
                        "--runs=N",
                        "--phase-ms=MS",
                        "--warmup-ms=MS",
                        "--bytes-sessions=N",
                        "--memory-sessions=N",
                        "--pool-users=N",
                        "--stores=STORE",
                        "--redis-url=URL",
                        "--pg-url=JDBC_URL",
                        "--pg-user=USER",
                        "--pg-password=PASSWORD",
                        "--jmh-seconds=WARMUP,MEASURE",
                        "--out=DIR")
                .contains("Redis is started without persistence unless --redis-url is given; PostgreSQL is"
                        + " embedded unless --pg-url is given.");
        assertThat(err.toString()).isEmpty();
        assertNoStackTrace();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void topLevelHelp_listsTheCommandsAndTheJmhPassThrough(String help) {
        assertThat(run(help)).isZero();
        assertThat(out.toString())
                .startsWith("Usage: sessionstore-bench ")
                .contains("compare", "memory", "jmh", "all")
                .contains("Any other first argument goes to JMH");
        assertNoStackTrace();
    }

    @Test
    void helpOfACommand_isThatCommandsUsage() {
        assertThat(run("help", "compare")).isZero();
        assertThat(out.toString()).startsWith("Usage: sessionstore-bench compare ");
        assertNoStackTrace();
    }

    @Test
    void unknownOption_oneLineErrorThenUsage_exitCode2() {
        assertThat(run("compare", "--fast", "1")).isEqualTo(2);
        String[] lines = err.toString().split("\\R");
        assertThat(lines[0]).startsWith("sessionstore-bench compare: ").contains("'--fast'");
        assertThat(lines[1]).startsWith("Usage: sessionstore-bench compare ");
        assertThat(out.toString()).isEmpty();
        assertNoStackTrace();
    }

    @Test
    void badValue_namesTheOptionAndValue_exitCode2() {
        assertThat(run("memory", "--runs", "0")).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .startsWith("sessionstore-bench memory: ")
                .contains("--runs")
                .contains("0");
        assertNoStackTrace();
    }

    @Test
    void noCommand_isAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("sessionstore-bench: ").contains("Usage: sessionstore-bench ");
        assertNoStackTrace();
    }

    @Test
    void version_namesTheJar() {
        assertThat(run("compare", "--version")).isZero();
        assertThat(out.toString()).startsWith("sessionstore-bench ");
    }

    @Test
    void anyOtherFirstArgument_goesToJmh() {
        assertThat(BenchMain.passesToJmh(new String[] {"RedisStoreBenchmark", "-t", "16"}))
                .isTrue();
        assertThat(BenchMain.passesToJmh(new String[] {"-l"})).isTrue();
        assertThat(BenchMain.passesToJmh(new String[] {"compare", "--quick"})).isFalse();
        assertThat(BenchMain.passesToJmh(new String[] {"--help"})).isFalse();
        assertThat(BenchMain.passesToJmh(new String[] {})).isFalse();
    }
}
