package dev.sessionstore.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/** Folds the phases of several runs into one {@link CompareResult.OpStats}. */
final class Stats {
    private Stats() {}

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static CompareResult.OpStats fold(String store, Op op, int threads, List<PhaseResult> runs) {
        List<Double> rates = runs.stream().map(PhaseResult::opsPerSecond).toList();
        Histogram all = new Histogram(runs.getFirst().latencyNanos().getHighestTrackableValue(), 2);
        runs.forEach(r -> all.add(r.latencyNanos()));
        long errors = runs.stream().mapToLong(PhaseResult::errors).sum();
        String firstError = runs.stream()
                .map(PhaseResult::firstError)
                .filter(e -> !e.isEmpty())
                .findFirst()
                .orElse("");
        return new CompareResult.OpStats(
                store,
                op,
                threads,
                median(rates),
                rates.stream().mapToDouble(d -> d).min().orElseThrow(),
                rates.stream().mapToDouble(d -> d).max().orElseThrow(),
                all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(50) / 1e3,
                all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(99) / 1e3,
                errors,
                firstError);
    }
}
