package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, hand-built results for the report tests. */
final class Fixtures {
    private Fixtures() {}

    /** Every store does every op at {@code base × (store index + 1)} ops/s, except spring-simple's list. */
    static CompareResult result(double base) {
        List<String> stores = Options.ALL_STORES;
        List<CompareResult.OpStats> stats = new ArrayList<>();
        Map<String, CompareResult.StoreFacts> facts = new LinkedHashMap<>();
        for (int t : List.of(1, 16)) {
            for (int s = 0; s < stores.size(); s++) {
                for (Op op : Op.values()) {
                    if (stores.get(s).equals("spring-simple") && op == Op.LIST) {
                        continue;
                    }
                    double v = base * (s + 1) * t;
                    stats.add(new CompareResult.OpStats(stores.get(s), op, t, v, v * 0.9, v * 1.1, 120, 950, 0, ""));
                }
            }
        }
        for (int s = 0; s < stores.size(); s++) {
            Map<Op, Double> trips = new EnumMap<>(Op.class);
            for (Op op : Op.values()) {
                trips.put(op, (double) s);
            }
            var bytes = new BytesPerSession.Result(
                    stores.get(s), 1000, 1, 100.0 * (s + 1), 2, "INFO memory used_memory", "hash 280 B");
            facts.put(stores.get(s), new CompareResult.StoreFacts(stores.get(s), trips, bytes));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Command", "`java -jar x compare`");
        env.put("CPU", "test CPU, 2 cores (nproc)");
        List<CompareResult.CostStats> costs = new ArrayList<>();
        List<CompareResult.MixStats> mixes = new ArrayList<>();
        for (int s = 0; s < stores.size(); s++) {
            if (stores.get(s).equals("redis-store") || stores.get(s).startsWith("spring")) {
                for (Op op : Op.values()) {
                    double us = 4.0 * (s + 1) * (op == Op.CREATE ? 2 : 1);
                    costs.add(new CompareResult.CostStats(
                            stores.get(s), op, 16, us, us * 2, Map.of("hgetall", 1.0, "time", 1.0)));
                }
                mixes.add(new CompareResult.MixStats(
                        stores.get(s), 16, 10_000.0 * (s + 1), 5.0 * (s + 1), 10.0 * (s + 1)));
            }
        }
        return new CompareResult(env, stores, List.of(1, 16), 3, stats, facts, costs, mixes, List.of("a note"));
    }
}
