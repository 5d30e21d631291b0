package dev.sessionstore.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The Redis-cost part of the comparison report: CPU per operation, the web mix, the scripts' commands. */
final class CostReport {
    private CostReport() {}

    static void markdown(StringBuilder md, CompareResult r) {
        if (r.costs().isEmpty()) {
            return;
        }
        int t = Targets.judgedThreads(r);
        List<String> stores = redisStores(r);
        md.append("## Redis CPU per operation\n\n")
                .append("Redis CPU time per operation at ")
                .append(CompareReport.threads(t))
                .append(", median of the runs: `INFO commandstats` usec of the commands clients sent (a script's"
                        + " inner commands are inside its `FCALL` or `EVALSHA`) / Redis process CPU (user + system, which also"
                        + " counts reading requests and writing replies). Lower is better. Events off.\n\n");
        md.append("| store |");
        for (Op op : Op.values()) {
            md.append(' ').append(op.label()).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(Op.values().length)).append('\n');
        for (String store : stores) {
            md.append("| ").append(store).append(" |");
            for (Op op : Op.values()) {
                md.append(' ')
                        .append(r.cost(store, op, t)
                                .map(c -> micros(c.commandMicros()) + " / " + micros(c.processMicros()))
                                .orElse("n/a"))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        mix(md, r, stores);
        inner(md, r, t);
    }

    /** The web mix table (also in the README summary). */
    static void mixTable(StringBuilder md, CompareResult r, List<String> stores) {
        md.append("| store | ops/s | Redis µs/op (commandstats) | Redis µs/op (process) | ops/s per Redis core"
                        + " (commandstats) | ops/s per Redis core (process) |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String store : stores) {
            r.mix(store)
                    .ifPresent(m -> md.append("| %s | %,.0f | %s | %s | %s | %s |\n"
                            .formatted(
                                    store,
                                    m.opsPerSecond(),
                                    micros(m.commandMicros()),
                                    micros(m.processMicros()),
                                    whole(m.opsPerCore()),
                                    whole(m.opsPerCoreByProcess()))));
        }
        md.append('\n');
    }

    private static void mix(StringBuilder md, CompareResult r, List<String> stores) {
        if (r.mixes().isEmpty()) {
            return;
        }
        md.append("### Touch-heavy web mix\n\n")
                .append("%d%% touch, %d%% create (fresh users), %d%% update at %s, median of the runs; ops/s per Redis"
                        .formatted(
                                Workers.MIX_TOUCH,
                                Workers.MIX_CREATE,
                                100 - Workers.MIX_TOUCH - Workers.MIX_CREATE,
                                CompareReport.threads(r.mixes().getFirst().threads())))
                .append(" core = 1,000,000 / Redis µs per operation: what one fully busy Redis core would serve.\n\n");
        mixTable(md, r, stores);
    }

    private static void inner(StringBuilder md, CompareResult r, int t) {
        md.append("### What redis-store's scripts run\n\nCommands per operation inside the scripts, by commandstats"
                + " (median of the runs).\n\n| operation | commands per operation |\n|---|---|\n");
        for (Op op : Op.values()) {
            r.cost("redis-store", op, t).ifPresent(c -> {
                StringJoiner j = new StringJoiner(", ");
                c.innerCalls().entrySet().stream()
                        .filter(e -> e.getValue() >= 0.005)
                        .sorted(Map.Entry.<String, Double>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> j.add("`%s` %s".formatted(e.getKey(), Targets.num(e.getValue()))));
                md.append("| ").append(op.label()).append(" | ").append(j).append(" |\n");
            });
        }
        md.append('\n');
    }

    static List<String> redisStores(CompareResult r) {
        return r.stores().stream()
                .filter(s -> r.costs().stream().anyMatch(c -> c.store().equals(s)))
                .toList();
    }

    static String micros(double us) {
        return Double.isNaN(us) ? "–" : String.format(Locale.ROOT, "%.1f", us);
    }

    private static String whole(double v) {
        return Double.isNaN(v) ? "–" : "%,.0f".formatted(v);
    }
}
