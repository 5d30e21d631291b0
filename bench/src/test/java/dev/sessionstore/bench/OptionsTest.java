package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class OptionsTest {

    @Test
    void defaults_measureThreeRunsAtOneAndSixteenThreadsOfEveryStore() {
        Options o = BenchOptions.parse();
        assertThat(o.threads()).containsExactly(1, 16);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.stores()).isEqualTo(Options.ALL_STORES);
        assertThat(o.memorySessions()).isEqualTo(100_000);
        assertThat(o.quick()).isFalse();
    }

    @Test
    void quick_shrinksRunsAndDurations() {
        Options o = BenchOptions.parse("--quick");
        assertThat(o.runs()).isEqualTo(1);
        assertThat(o.phase()).isLessThan(Duration.ofSeconds(1));
        assertThat(o.quick()).isTrue();
    }

    @Test
    void parse_readsThreadsRunsStoresAndUrls() {
        Options o = BenchOptions.parse(
                "--threads",
                "2,8",
                "--runs",
                "5",
                "--stores",
                "redis-store,spring-simple",
                "--redis-url",
                "redis://127.0.0.1:7000",
                "--phase-ms",
                "1500",
                "--walk-pause-ms",
                "7");
        assertThat(o.threads()).containsExactly(2, 8);
        assertThat(o.runs()).isEqualTo(5);
        assertThat(o.stores()).containsExactly("redis-store", "spring-simple");
        assertThat(o.redisUrl()).contains("redis://127.0.0.1:7000");
        assertThat(o.phase()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.walkPause()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void parse_unknownStore_namesTheStore() {
        assertThatThrownBy(() -> BenchOptions.parse("--stores", "mongo"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("mongo");
    }

    @Test
    void parse_nonPositiveRuns_namesTheOptionAndValue() {
        assertThatThrownBy(() -> BenchOptions.parse("--runs", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--runs")
                .hasMessageContaining("0");
    }

    @Test
    void parse_optionWithoutValue_isRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--runs"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Missing required parameter for option '--runs'");
    }

    @Test
    void parse_unknownOption_isRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--fast", "1"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--fast");
    }

    @Test
    void jmhSeconds_setsWarmupAndMeasurementIterationTimes() {
        Options o = BenchOptions.parse("--jmh-seconds", "2,4");
        assertThat(o.jmhArgs()).isEqualTo(new Options.JmhSettings(1, 2, 2, 3, 4));
    }

    @Test
    void jmhSeconds_needsTwoValues() {
        assertThatThrownBy(() -> BenchOptions.parse("--jmh-seconds", "2"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--jmh-seconds");
    }

    @Test
    void everyDocumentedOption_isRead_andAnExplicitValueWinsOverQuick() {
        Options o = BenchOptions.parse(
                "--quick",
                "--runs",
                "2",
                "--warmup-ms",
                "700",
                "--bytes-sessions",
                "11",
                "--memory-sessions",
                "12",
                "--pool-users",
                "13",
                "--pg-url",
                "jdbc:postgresql://127.0.0.1/db",
                "--pg-user",
                "u",
                "--pg-password",
                "p",
                "--out",
                "target/reports");
        assertThat(o.runs()).isEqualTo(2);
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(700));
        assertThat(o.phase()).isEqualTo(Duration.ofMillis(500));
        assertThat(List.of(o.bytesSessions(), o.memorySessions(), o.poolUsers()))
                .containsExactly(11, 12, 13);
        assertThat(o.pgUrl()).contains("jdbc:postgresql://127.0.0.1/db");
        assertThat(List.of(o.pgUser(), o.pgPassword())).containsExactly("u", "p");
        assertThat(o.out()).isEqualTo(Path.of("target/reports"));
        assertThat(o.jmhArgs()).isEqualTo(new Options.JmhSettings(1, 1, 1, 1, 1));
    }
}
