package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_ofOddCount_isTheMiddleValue() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void median_ofEvenCount_isTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
    }

    @Test
    void median_ofNothing_throws() {
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fold_takesMedianMinMaxOfRunsAndPercentilesOfAllOperations() {
        PhaseResult slow = phase(100, 1.0, 1_000, 0);
        PhaseResult mid = phase(200, 1.0, 20_000, 2);
        PhaseResult fast = phase(400, 1.0, 3_000, 0);

        // the first run alone would give p50 1 µs; all operations: 100 at 1 µs, 400 at 3 µs, 200 at 20 µs
        var s = Stats.fold("redis-store", Op.TOUCH, 16, List.of(slow, fast, mid));

        assertThat(s.median()).isEqualTo(200.0);
        assertThat(s.min()).isEqualTo(100.0);
        assertThat(s.max()).isEqualTo(400.0);
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.firstError()).isEqualTo("boom");
        assertThat(s.p50Micros()).isBetween(2.9, 3.1);
        assertThat(s.p99Micros()).isBetween(19.5, 20.5);
    }

    private static PhaseResult phase(long ops, double seconds, long latencyNanos, long errors) {
        Histogram h = new Histogram(60_000_000_000L, 2);
        h.recordValueWithCount(latencyNanos, ops);
        return new PhaseResult(ops, errors, seconds, h, errors > 0 ? "boom" : "");
    }
}
