package dev.sessionstore.bench;

import java.util.List;
import java.util.Objects;

/** The comparison in a few lines, for the README. */
final class ReadmeSummary {
    private ReadmeSummary() {}

    /**
     * A short version for the README: the chart, operations per second at the judged thread count with
     * round trips and bytes, the machine and the command. Image and link paths are relative to the
     * repository root.
     */
    static String markdown(CompareResult r) {
        int t = Targets.judgedThreads(r);
        StringBuilder md = new StringBuilder();
        md.append("![operations per second by store and operation](docs/images/compare.svg)\n\n");
        md.append("Operations per second at ")
                .append(CompareReport.threads(t))
                .append(" (median of ")
                .append(r.runs());
        md.append(r.runs() == 1 ? " run" : " interleaved runs");
        md.append("), round trips per touch and bytes per session in the backing store:\n\n");
        md.append("| store |");
        for (Op op : Op.values()) {
            md.append(' ').append(op.label()).append(" |");
        }
        md.append(" round trips per touch | bytes per session |\n|---|").append("---:|".repeat(Op.values().length + 2));
        md.append('\n');
        for (String store : r.stores()) {
            md.append("| ").append(store).append(" |");
            for (Op op : Op.values()) {
                md.append(' ')
                        .append(r.stat(store, op, t)
                                .map(s -> "%,.0f".formatted(s.median()))
                                .orElse("n/a"))
                        .append(" |");
            }
            var f = Objects.requireNonNull(r.facts().get(store), store);
            Double trips = f.roundTrips().get(Op.TOUCH);
            md.append(' ').append(trips == null ? "n/a" : Targets.num(trips)).append(" |");
            md.append(" %,.0f |\n".formatted(f.bytes().bytesPerSession()));
        }
        if (!r.mixes().isEmpty()) {
            md.append("\nRedis cost of a touch-heavy web mix (%d%% touch, %d%% create, %d%% update, events off): Redis"
                            .formatted(
                                    Workers.MIX_TOUCH,
                                    Workers.MIX_CREATE,
                                    100 - Workers.MIX_TOUCH - Workers.MIX_CREATE))
                    .append(" CPU µs per operation by `INFO commandstats` and by the Redis process's CPU time, and"
                            + " the operations per second one Redis core serves at that cost:\n\n");
            CostReport.mixTable(md, r, CostReport.redisStores(r));
            md.append("Redis CPU µs per operation (commandstats) at ")
                    .append(CompareReport.threads(t))
                    .append(":");
            for (String store : CostReport.redisStores(r)) {
                md.append(" ").append(store);
                for (Op op : List.of(Op.CREATE, Op.TOUCH)) {
                    r.cost(store, op, t)
                            .ifPresent(c -> md.append(" ")
                                    .append(op.label())
                                    .append(" ")
                                    .append(CostReport.micros(c.commandMicros())));
                }
                md.append(";");
            }
            md.setLength(md.length() - 1);
            md.append(".\n");
        }
        md.append("\nMeasured on ")
                .append(r.environment().getOrDefault("CPU", "?"))
                .append(", ");
        md.append(r.environment().getOrDefault("RAM", "?"))
                .append(" RAM, ")
                .append(r.environment().getOrDefault("JDK", "?"));
        md.append(", ").append(r.environment().getOrDefault("Date (UTC)", "?")).append(", with ");
        md.append(r.environment().getOrDefault("Command", "?"))
                .append(". Full report: [docs/compare.md](docs/compare.md).\n");
        return md.toString();
    }
}
