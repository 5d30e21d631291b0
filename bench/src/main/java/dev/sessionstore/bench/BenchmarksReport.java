package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes {@code docs/benchmarks.md}: the JMH figures, bytes per session in Redis, the comparison's
 * headline, and every target with its verdict. Text after {@link #NOTES_MARKER} in an existing file is
 * kept, so people can comment on a run without their words being overwritten.
 */
final class BenchmarksReport {
    static final String NOTES_MARKER = "<!-- notes: written by people, kept when the tool rewrites this file -->";

    /**
     * @param environment machine, versions, settings
     * @param jmhSettings the JMH options used
     * @param jmh JMH scores
     * @param memory bytes per session by layout
     * @param compare the comparison, if it ran
     */
    record Inputs(
            Map<String, String> environment,
            String jmhSettings,
            List<JmhCommand.Score> jmh,
            List<BytesPerSession.Result> memory,
            Optional<CompareResult> compare) {}

    private BenchmarksReport() {}

    static String markdown(Inputs in, String previous) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written by the `all` command of `bench` (`")
                .append(in.environment().getOrDefault("Command", "?").replace("`", ""))
                .append("`); no figure above the notes section at the end is typed by hand. Re-run it on your"
                        + " machine to compare.\n\n");
        md.append("## Targets\n\n").append(Targets.table(checks(in)));
        md.append("\n## The Redis store against a raw `HGETALL` (JMH)\n\n");
        md.append("Same Redis server, same JMH invocation per thread count (")
                .append(in.jmhSettings())
                .append("). `rawHgetall` reads a copy of a session's hash (same fields and sizes) with Lettuce over"
                        + " one shared connection. Operations per second, ± JMH's 99.9% error.\n\n");
        jmhTable(md, in.jmh());
        md.append("\n## Bytes per session in Redis\n\n`INFO memory` `used_memory` growth on an emptied server,"
                + " divided by the sessions created; each session has a user id and three 20-character"
                + " attributes; user ids are `user-<n>`, or 36-character UUIDs where the layout says so. The Redis store's"
                + " user index is shared by the users of a shard tag (bucket zsets, `docs/redis-layout.md`), so"
                + " one session per user is its most expensive case.\n\n");
        md.append(MemoryCommand.markdown(in.memory()));
        in.compare().ifPresent(c -> {
            md.append(
                    "\n## Backend comparison\n\nDetails, latencies, round trips and method: [compare.md](compare.md).\n\n");
            md.append("![operations per second by store and operation](images/compare.svg)\n");
        });
        md.append("\n## Machine, versions and settings\n\n| | |\n|---|---|\n");
        in.environment()
                .forEach((k, v) ->
                        md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n').append(NOTES_MARKER).append('\n');
        int at = previous.indexOf(NOTES_MARKER);
        if (at >= 0) {
            md.append(previous.substring(at + NOTES_MARKER.length()).stripLeading());
        }
        return md.toString();
    }

    static List<Targets.Check> checks(Inputs in) {
        List<Targets.Check> checks = new ArrayList<>();
        checks.add(touchVsRaw(in.jmh()));
        checks.add(bytes(in.memory()));
        in.compare().ifPresent(c -> checks.addAll(Targets.compare(c)));
        return checks;
    }

    private static Targets.Check touchVsRaw(List<JmhCommand.Score> jmh) {
        int t = jmh.stream().mapToInt(JmhCommand.Score::threads).max().orElse(16);
        String target = "touch at %d threads ≥ 0.6 × raw HGETALL, same run (JMH)".formatted(t);
        var touch = score(jmh, "touch", t);
        var raw = score(jmh, "rawHgetall", t);
        if (touch.isEmpty() || raw.isEmpty()) {
            return new Targets.Check(target, "", OptionalDouble.empty(), false, false);
        }
        double ratio = touch.getAsDouble() / raw.getAsDouble();
        String measured =
                "%,.0f vs %,.0f ops/s: %s×".formatted(touch.getAsDouble(), raw.getAsDouble(), Targets.num(ratio));
        return new Targets.Check(target, measured, OptionalDouble.of(ratio), true, ratio >= 0.6);
    }

    private static Targets.Check bytes(List<BytesPerSession.Result> memory) {
        String target = "≤ 350 bytes per session in Redis, user-index entry included (1 session per user)";
        var ours = memory.stream()
                .filter(r -> r.store().equals("redis-store") && r.sessionsPerUser() == 1)
                .findFirst();
        if (ours.isEmpty()) {
            return new Targets.Check(target, "", OptionalDouble.empty(), false, false);
        }
        double b = ours.get().bytesPerSession();
        String others = memory.stream()
                .filter(r -> r != ours.get())
                .map(r -> "%s (%d/user) %,.0f".formatted(r.store(), r.sessionsPerUser(), r.bytesPerSession()))
                .reduce((x, y) -> x + "; " + y)
                .orElse("");
        String measured =
                "%,.0f bytes over %,d sessions (%s)".formatted(b, ours.get().sessions(), others);
        return new Targets.Check(target, measured, OptionalDouble.of(b), true, b <= 350);
    }

    static OptionalDouble score(List<JmhCommand.Score> jmh, String benchmark, int threads) {
        return jmh.stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.threads() == threads)
                .mapToDouble(JmhCommand.Score::opsPerSecond)
                .findFirst();
    }

    private static void jmhTable(StringBuilder md, List<JmhCommand.Score> jmh) {
        List<Integer> threads =
                jmh.stream().map(JmhCommand.Score::threads).distinct().sorted().toList();
        List<String> names = jmh.stream()
                .map(JmhCommand.Score::benchmark)
                .distinct()
                .sorted()
                .toList();
        md.append("| benchmark |");
        threads.forEach(t -> md.append(' ').append(CompareReport.threads(t)).append(" |"));
        md.append("\n|---|").append("---:|".repeat(threads.size())).append('\n');
        for (String n : names) {
            md.append("| ").append(n).append(" |");
            for (int t : threads) {
                String cell = jmh.stream()
                        .filter(s -> s.benchmark().equals(n) && s.threads() == t)
                        .findFirst()
                        .map(s -> Double.isNaN(s.error())
                                ? "%,.0f".formatted(s.opsPerSecond())
                                : "%,.0f ± %,.0f".formatted(s.opsPerSecond(), s.error()))
                        .orElse("–");
                md.append(' ').append(cell).append(" |");
            }
            md.append('\n');
        }
        md.append("| touch / rawHgetall |");
        for (int t : threads) {
            var a = score(jmh, "touch", t);
            var b = score(jmh, "rawHgetall", t);
            md.append(' ')
                    .append(a.isPresent() && b.isPresent() ? Targets.num(a.getAsDouble() / b.getAsDouble()) + "×" : "–")
                    .append(" |");
        }
        md.append('\n');
    }
}
