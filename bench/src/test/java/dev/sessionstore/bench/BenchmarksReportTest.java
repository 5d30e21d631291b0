package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchmarksReportTest {
    private static final List<JmhCommand.Score> JMH = List.of(
            new JmhCommand.Score("touch", 1, 10_000, 100),
            new JmhCommand.Score("rawHgetall", 1, 20_000, 200),
            new JmhCommand.Score("touch", 16, 35_000, Double.NaN),
            new JmhCommand.Score("rawHgetall", 16, 50_000, 500));
    private static final List<BytesPerSession.Result> MEMORY = List.of(
            new BytesPerSession.Result("redis-store", 100_000, 1, 320, 2, "INFO memory used_memory", "hash 280 B"),
            new BytesPerSession.Result("redis-store", 100_000, 4, 250, 1.25, "INFO memory used_memory", "hash 280 B"),
            new BytesPerSession.Result("spring-simple", 100_000, 1, 700, 1, "INFO memory used_memory", "hash 280 B"));

    private static BenchmarksReport.Inputs inputs() {
        return new BenchmarksReport.Inputs(
                Map.of("Command", "`java -jar b.jar all`"), "-f 1", JMH, MEMORY, Optional.of(Fixtures.result(1_000)));
    }

    @Test
    void markdown_judgesTouchAgainstRawHgetallAtSixteenThreads() {
        String md = BenchmarksReport.markdown(inputs(), "");

        assertThat(md)
                .contains(
                        "| touch at 16 threads ≥ 0.6 × raw HGETALL, same run (JMH) | 35,000 vs 50,000 ops/s: 0.70× | **met** |");
        assertThat(md).contains("| touch / rawHgetall | 0.50× | 0.70× |");
        assertThat(md).contains("| touch | 10,000 ± 100 | 35,000 |");
    }

    @Test
    void markdown_judgesBytesOnOneSessionPerUser() {
        String md = BenchmarksReport.markdown(inputs(), "");

        assertThat(md)
                .contains(
                        "| ≤ 350 bytes per session in Redis, user-index entry included (1 session per user) | 320 bytes");
        assertThat(md).contains("| redis-store | 4 | 100,000 | 250 | 1.25 | hash 280 B |");
    }

    @Test
    void markdown_keepsTheNotesOfThePreviousFile() {
        String previous = "# old\n\n" + BenchmarksReport.NOTES_MARKER + "\n\nOur hypothesis: the box was busy.\n";

        String md = BenchmarksReport.markdown(inputs(), previous);

        assertThat(md).endsWith(BenchmarksReport.NOTES_MARKER + "\nOur hypothesis: the box was busy.\n");
        assertThat(md).doesNotContain("# old");
    }
}
