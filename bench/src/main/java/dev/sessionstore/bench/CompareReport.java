package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Writes a {@link CompareResult} as Markdown: every figure comes from the result, none is typed in. */
final class CompareReport {
    private CompareReport() {}

    static String markdown(CompareResult r, String chartPath) {
        StringBuilder md = new StringBuilder();
        md.append("# Backend comparison\n\n");
        md.append("Written by the `compare` command of `bench`; re-run it to refresh. No figure here is typed by"
                + " hand.\n\n");
        md.append("![operations per second by store and operation](")
                .append(chartPath)
                .append(")\n\n");
        throughput(md, r);
        latency(md, r);
        facts(md, r);
        CostReport.markdown(md, r);
        targets(md, r);
        wins(md, r);
        CompareMethod.stores(md);
        CompareMethod.environment(md, r.environment());
        CompareMethod.method(md);
        if (!r.notes().isEmpty()) {
            md.append("## Notes from this run\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void throughput(StringBuilder md, CompareResult r) {
        md.append("## Operations per second\n\nMedian of ")
                .append(r.runs())
                .append(" interleaved run")
                .append(r.runs() == 1 ? "" : "s")
                .append(", with the slowest and fastest run in brackets. Higher is better.\n\n");
        for (int t : r.threads()) {
            md.append("### ").append(threads(t)).append("\n\n");
            table(md, r, t, s -> "%,.0f (%,.0f–%,.0f)".formatted(s.median(), s.min(), s.max()));
        }
    }

    private static void latency(StringBuilder md, CompareResult r) {
        md.append("## Latency\n\np50 / p99 of every operation of every measured run, in microseconds. Lower"
                + " is better.\n\n");
        for (int t : r.threads()) {
            md.append("### ").append(threads(t)).append("\n\n");
            table(md, r, t, s -> "%s / %s".formatted(micros(s.p50Micros()), micros(s.p99Micros())));
        }
    }

    private static void table(StringBuilder md, CompareResult r, int t, Function<CompareResult.OpStats, String> cell) {
        md.append("| store |");
        for (Op op : Op.values()) {
            md.append(' ').append(op.label()).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(Op.values().length)).append('\n');
        for (String store : r.stores()) {
            md.append("| ").append(store).append(" |");
            for (Op op : Op.values()) {
                md.append(' ')
                        .append(r.stat(store, op, t).map(cell).orElse("n/a"))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void facts(StringBuilder md, CompareResult r) {
        md.append("## Round trips per operation and bytes per session\n\n");
        md.append("| store |");
        for (Op op : Op.values()) {
            md.append(' ').append(op.label()).append(" |");
        }
        md.append(" bytes per session | Redis keys per session | bytes measured by |\n|---|")
                .append("---:|".repeat(Op.values().length + 2))
                .append("---|\n");
        for (String store : r.stores()) {
            var f = Objects.requireNonNull(r.facts().get(store), store);
            md.append("| ").append(store).append(" |");
            for (Op op : Op.values()) {
                Double v = f.roundTrips().get(op);
                md.append(' ').append(v == null ? "n/a" : Targets.num(v)).append(" |");
            }
            var b = f.bytes();
            md.append(" %,.0f | %s | %s (%,d sessions) |\n"
                    .formatted(
                            b.bytesPerSession(),
                            Double.isNaN(b.keysPerSession()) ? "–" : Targets.num(b.keysPerSession()),
                            b.method(),
                            b.sessions()));
        }
        md.append('\n');
    }

    private static void targets(StringBuilder md, CompareResult r) {
        md.append("## Targets (issue 5)\n\n")
                .append(Targets.table(Targets.compare(r)))
                .append('\n');
        if (!r.costs().isEmpty()) {
            md.append("## Targets (issue 12, requirements 4 and 5)\n\n")
                    .append(Targets.table(Targets.cost(r)))
                    .append('\n');
        }
    }

    private static void wins(StringBuilder md, CompareResult r) {
        md.append("## Where each option wins\n\n");
        for (int t : r.threads()) {
            Map<String, List<String>> fastest = new LinkedHashMap<>();
            for (Op op : Op.values()) {
                best(r, op, t)
                        .ifPresent(s -> fastest.computeIfAbsent(s.store(), k -> new ArrayList<>())
                                .add(op.label()));
            }
            fastest.forEach((store, ops) -> md.append(
                    "- At %s, **%s** is fastest at %s.\n".formatted(threads(t), store, String.join(", ", ops))));
            Map<String, List<String>> shared = new LinkedHashMap<>();
            for (Op op : Op.values()) {
                bestShared(r, op, t)
                        .ifPresent(s -> shared.computeIfAbsent(s.store(), k -> new ArrayList<>())
                                .add(op.label()));
            }
            shared.forEach((store, ops) ->
                    md.append(("- At %s, among the stores that survive a restart and are shared by instances (Redis and"
                                    + " PostgreSQL), **%s** is fastest at %s.\n")
                            .formatted(threads(t), store, String.join(", ", ops))));
        }
        r.facts().values().stream()
                .filter(f -> f.bytes().bytesPerSession() > 0)
                .min(Comparator.comparingDouble(f -> f.bytes().bytesPerSession()))
                .ifPresent(f -> md.append("- **%s** stores a session in the fewest bytes (%,.0f, %s).\n"
                        .formatted(
                                f.store(),
                                f.bytes().bytesPerSession(),
                                f.bytes().method())));
        md.append("- Beyond speed: only the Redis and PostgreSQL stores survive a restart of the service and are"
                + " shared by several instances; the in-memory store is lost with its JVM and seen by one instance"
                + " only. PostgreSQL gives SQL, transactions with other data and durable writes by default.\n\n");
    }

    private static Optional<CompareResult.OpStats> bestShared(CompareResult r, Op op, int t) {
        return r.stats().stream()
                .filter(s -> s.op() == op && s.threads() == t)
                .filter(s -> r.facts().containsKey(s.store())
                        && !r.facts().get(s.store()).bytes().method().startsWith("heap"))
                .max(Comparator.comparingDouble(CompareResult.OpStats::median));
    }

    private static Optional<CompareResult.OpStats> best(CompareResult r, Op op, int t) {
        return r.stats().stream()
                .filter(s -> s.op() == op && s.threads() == t)
                .max(Comparator.comparingDouble(CompareResult.OpStats::median));
    }

    static String threads(int t) {
        return t + (t == 1 ? " thread" : " threads");
    }

    static String micros(double us) {
        if (Double.isNaN(us)) {
            return "–";
        }
        return us >= 100 ? "%,.0f".formatted(us) : "%.1f".formatted(us);
    }
}
