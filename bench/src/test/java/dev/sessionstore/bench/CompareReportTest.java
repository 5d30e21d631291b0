package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompareReportTest {

    @Test
    void markdown_showsMedianWithMinAndMaxForEveryStoreAndOperation() {
        String md = CompareReport.markdown(Fixtures.result(1_000), "images/compare.svg");

        // redis-store is the first store: 1,000 ops/s at 1 thread, 16,000 at 16
        assertThat(md).contains("| redis-store | 1,000 (900–1,100) |");
        assertThat(md).contains("| redis-store | 16,000 (14,400–17,600) |");
        assertThat(md).contains("![operations per second by store and operation](images/compare.svg)");
        assertThat(md)
                .contains("| spring-simple | 4,000 (3,600–4,400) | 4,000 (3,600–4,400) | 4,000 (3,600–4,400) | n/a |");
    }

    @Test
    void markdown_listsRoundTripsBytesEnvironmentAndNotes() {
        String md = CompareReport.markdown(Fixtures.result(1_000), "c.svg");

        assertThat(md).contains("| jdbc-store | 1.00 | 1.00 | 1.00 | 1.00 | 1.00 | 200 | 2.00 |");
        assertThat(md).contains("| CPU | test CPU, 2 cores (nproc) |");
        assertThat(md).contains("- a note");
        assertThat(md).contains("p50 / p99").contains("| 120 / 950 |");
    }

    @Test
    void targets_judgeTouchRatiosAndBytesAtSixteenThreads() {
        // fixture: redis-store 16,000; spring-simple 64,000; spring-indexed 80,000 touch/s
        var checks = Targets.compare(Fixtures.result(1_000));

        assertThat(checks).hasSize(3);
        assertThat(checks.get(0).target()).contains("spring-indexed").contains("16 threads");
        assertThat(checks.get(0).ratio().getAsDouble()).isEqualTo(0.2);
        assertThat(checks.get(0).met()).isFalse();
        assertThat(checks.get(2).ratio().getAsDouble()).isEqualTo(0.25); // 100 vs 400 bytes
        assertThat(checks.get(2).met()).isTrue();
    }

    @Test
    void wins_nameTheFastestStorePerThreadCount() {
        String md = CompareReport.markdown(Fixtures.result(1_000), "c.svg");

        assertThat(md)
                .contains("At 16 threads, **spring-indexed** is fastest at create, touch, update, list user, revoke.");
        assertThat(md).contains("**redis-store** stores a session in the fewest bytes (100");
        assertThat(md)
                .contains(
                        "- At 16 threads, among the stores that survive a restart and are shared by instances (Redis"
                                + " and PostgreSQL), **spring-indexed** is fastest at create, touch, update, list user, revoke.");
    }

    @Test
    void summary_showsTheChartSixteenThreadFiguresTheMachineAndTheCommand() {
        String md = ReadmeSummary.markdown(Fixtures.result(1_000));

        assertThat(md).startsWith("![operations per second by store and operation](docs/images/compare.svg)");
        assertThat(md).contains("| redis-store | 16,000 | 16,000 | 16,000 | 16,000 | 16,000 | 0.00 | 100 |");
        assertThat(md).contains("| spring-simple | 64,000 | 64,000 | 64,000 | n/a | 64,000 | 3.00 | 400 |");
        assertThat(md).contains("test CPU, 2 cores (nproc)").contains("`java -jar x compare`");
    }

    @Test
    void cost_tablesAndIssue12Targets() {
        var r = Fixtures.result(1_000);
        String md = CompareReport.markdown(r, "c.svg");

        // fixture: redis-store create 8 µs (process 16), touch 4 µs; spring-simple (4th store) create 32 µs
        assertThat(md).contains("## Redis CPU per operation").contains("| redis-store | 8.0 / 16.0 | 4.0 / 8.0 |");
        assertThat(md).contains("| redis-store | 10,000 | 5.0 | 10.0 | 200,000 | 100,000 |");
        assertThat(md).contains("| create | `hgetall` 1.00, `time` 1.00 |");
        var checks = Targets.cost(r);
        assertThat(checks.get(0).met()).isTrue(); // touch 4 µs <= 6
        assertThat(checks.get(1).ratio().getAsDouble()).isEqualTo(2.0);
        assertThat(checks.get(1).met()).isFalse();
        assertThat(checks.get(2).ratio().getAsDouble()).isEqualTo(0.25);
        assertThat(checks.get(2).met()).isTrue();
        assertThat(checks.get(4).met()).isFalse(); // 16,000 vs 64,000 creates/s
        assertThat(ReadmeSummary.markdown(r))
                .contains("ops/s per Redis core")
                .contains("redis-store create 8.0 touch 4.0");
    }
}
