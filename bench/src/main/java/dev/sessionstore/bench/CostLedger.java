package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The Redis costs of a comparison's measured phases, folded into medians over the runs for the report. */
final class CostLedger {
    private final Map<String, List<RedisCost.Phase>> phases = new LinkedHashMap<>();
    private final Map<String, List<PhaseResult>> mixRuns = new LinkedHashMap<>();
    private final Map<String, List<RedisCost.Phase>> mixCosts = new LinkedHashMap<>();

    /** Records one measured phase's cost, per operation of the phase. */
    void add(String store, Op op, int threads, RedisCost.Phase cost, long ops) {
        phases.computeIfAbsent(key(store, op, threads), k -> new ArrayList<>()).add(perOp(cost, ops));
    }

    /** Records one measured web mix phase and its cost per operation. */
    void addMix(String store, PhaseResult r, RedisCost.Phase perOp) {
        mixRuns.computeIfAbsent(store, k -> new ArrayList<>()).add(r);
        mixCosts.computeIfAbsent(store, k -> new ArrayList<>()).add(perOp);
    }

    List<CompareResult.CostStats> costs(Iterable<String> stores, List<Integer> threadCounts) {
        List<CompareResult.CostStats> out = new ArrayList<>();
        for (int threads : threadCounts) {
            for (String store : stores) {
                for (Op op : Op.values()) {
                    List<RedisCost.Phase> runs = phases.get(key(store, op, threads));
                    if (runs != null) {
                        out.add(new CompareResult.CostStats(
                                store,
                                op,
                                threads,
                                medianOf(runs, RedisCost.Phase::commandMicros),
                                medianOf(runs, RedisCost.Phase::processMicros),
                                innerMedians(runs)));
                    }
                }
            }
        }
        return out;
    }

    List<CompareResult.MixStats> mixes(Iterable<String> stores, int threads) {
        List<CompareResult.MixStats> out = new ArrayList<>();
        for (String store : stores) {
            List<PhaseResult> runs = mixRuns.get(store);
            List<RedisCost.Phase> c = mixCosts.get(store);
            if (runs != null && c != null) {
                out.add(new CompareResult.MixStats(
                        store,
                        threads,
                        Stats.median(
                                runs.stream().map(PhaseResult::opsPerSecond).toList()),
                        medianOf(c, RedisCost.Phase::commandMicros),
                        medianOf(c, RedisCost.Phase::processMicros)));
            }
        }
        return out;
    }

    /** A phase's cost divided by its operations (inner calls too). */
    static RedisCost.Phase perOp(RedisCost.Phase c, long ops) {
        double n = Math.max(1, ops);
        Map<String, Double> inner = new TreeMap<>();
        c.innerCalls().forEach((k, v) -> inner.put(k, v / n));
        return new RedisCost.Phase(c.commandMicros() / n, c.processMicros() / n, inner);
    }

    private static double medianOf(List<RedisCost.Phase> runs, ToDoubleFunction<RedisCost.Phase> f) {
        List<Double> v = runs.stream()
                .map(f::applyAsDouble)
                .filter(d -> !Double.isNaN(d))
                .toList();
        return v.isEmpty() ? Double.NaN : Stats.median(v);
    }

    private static Map<String, Double> innerMedians(List<RedisCost.Phase> runs) {
        Map<String, Double> out = new TreeMap<>();
        runs.stream()
                .flatMap(r -> r.innerCalls().keySet().stream())
                .distinct()
                .forEach(name -> out.put(
                        name,
                        Stats.median(runs.stream()
                                .map(r -> r.innerCalls().getOrDefault(name, 0.0))
                                .toList())));
        return out;
    }

    private static String key(String store, Op op, int threads) {
        return store + "/" + op + "/" + threads;
    }
}
