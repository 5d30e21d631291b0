package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The issues' targets for the comparison, checked against what was measured. */
final class Targets {
    /**
     * @param target what was promised
     * @param measured the figures behind the verdict
     * @param ratio the figure the target bounds, if measured
     * @param measuredOk whether the figures were there to judge
     * @param met whether the target holds
     */
    record Check(String target, String measured, OptionalDouble ratio, boolean measuredOk, boolean met) {
        String verdict() {
            return !measuredOk ? "not measured" : met ? "**met**" : "**missed**";
        }
    }

    private Targets() {}

    /** The thread count the targets are judged at: 16 if measured, else the highest. */
    static int judgedThreads(CompareResult r) {
        return r.threads().contains(16)
                ? 16
                : r.threads().stream().mapToInt(i -> i).max().orElse(1);
    }

    static List<Check> compare(CompareResult r) {
        int t = judgedThreads(r);
        List<Check> checks = new ArrayList<>();
        checks.add(touchRatio(r, t, "spring-indexed", 3.0));
        checks.add(touchRatio(r, t, "spring-simple", 1.5));
        checks.add(bytesRatio(r));
        return checks;
    }

    /**
     * Issue 12, requirements 4 and 5: redis-store's touch within 6 µs of Redis CPU (commandstats), its create
     * within 1.5 × its touch and 1.0 × spring-simple's create in Redis CPU, and its create throughput at least
     * spring-simple's.
     */
    static List<Check> cost(CompareResult r) {
        int t = judgedThreads(r);
        List<Check> checks = new ArrayList<>();
        var touch = r.cost("redis-store", Op.TOUCH, t);
        var create = r.cost("redis-store", Op.CREATE, t);
        var peerCreate = r.cost("spring-simple", Op.CREATE, t);
        String touchTarget = "redis-store touch ≤ 6 µs of Redis CPU (commandstats) at %d threads".formatted(t);
        checks.add(
                touch.isEmpty()
                        ? new Check(touchTarget, "", OptionalDouble.empty(), false, false)
                        : new Check(
                                touchTarget,
                                "%s µs".formatted(num(touch.get().commandMicros())),
                                OptionalDouble.of(touch.get().commandMicros()),
                                true,
                                touch.get().commandMicros() <= 6.0));
        checks.add(costRatio(
                "redis-store create ≤ 1.5 × its touch in Redis CPU (commandstats, store level)",
                create.map(CompareResult.CostStats::commandMicros),
                touch.map(CompareResult.CostStats::commandMicros),
                1.5));
        checks.add(costRatio(
                "redis-store create ≤ 1.0 × spring-simple create in Redis CPU (commandstats)",
                create.map(CompareResult.CostStats::commandMicros),
                peerCreate.map(CompareResult.CostStats::commandMicros),
                1.0));
        checks.add(costRatio(
                "redis-store create ≤ 1.0 × spring-simple create in Redis process CPU",
                create.map(CompareResult.CostStats::processMicros),
                peerCreate.map(CompareResult.CostStats::processMicros),
                1.0));
        String target = "redis-store create ≥ 1.0 × spring-simple create at %d threads (ops/s)".formatted(t);
        var ours = r.stat("redis-store", Op.CREATE, t);
        var theirs = r.stat("spring-simple", Op.CREATE, t);
        if (ours.isEmpty() || theirs.isEmpty() || !(theirs.get().median() > 0)) {
            checks.add(new Check(target, "", OptionalDouble.empty(), false, false));
        } else {
            double ratio = ours.get().median() / theirs.get().median();
            checks.add(new Check(
                    target,
                    "%,.0f vs %,.0f ops/s: %s×"
                            .formatted(ours.get().median(), theirs.get().median(), num(ratio)),
                    OptionalDouble.of(ratio),
                    true,
                    ratio >= 1.0));
        }
        return checks;
    }

    private static Check costRatio(String target, Optional<Double> ours, Optional<Double> theirs, double max) {
        if (ours.isEmpty()
                || theirs.isEmpty()
                || !(theirs.get() > 0)
                || ours.get().isNaN()) {
            return new Check(target, "", OptionalDouble.empty(), false, false);
        }
        double ratio = ours.get() / theirs.get();
        return new Check(
                target,
                "%s vs %s µs: %s×".formatted(num(ours.get()), num(theirs.get()), num(ratio)),
                OptionalDouble.of(ratio),
                true,
                ratio <= max);
    }

    private static Check touchRatio(CompareResult r, int t, String peer, double factor) {
        String target = "redis-store touch ≥ %s × %s find+save at %d threads".formatted(num(factor), peer, t);
        var ours = r.stat("redis-store", Op.TOUCH, t);
        var theirs = r.stat(peer, Op.TOUCH, t);
        if (ours.isEmpty() || theirs.isEmpty() || !(theirs.get().median() > 0)) {
            return new Check(target, "", OptionalDouble.empty(), false, false);
        }
        double ratio = ours.get().median() / theirs.get().median();
        String measured = "%,.0f vs %,.0f ops/s: %s×"
                .formatted(ours.get().median(), theirs.get().median(), num(ratio));
        return new Check(target, measured, OptionalDouble.of(ratio), true, ratio >= factor);
    }

    private static Check bytesRatio(CompareResult r) {
        String target = "redis-store bytes/session ≤ 0.5 × spring-simple";
        var ours = r.facts().get("redis-store");
        var theirs = r.facts().get("spring-simple");
        if (ours == null || theirs == null || !(theirs.bytes().bytesPerSession() > 0)) {
            return new Check(target, "", OptionalDouble.empty(), false, false);
        }
        double ratio = ours.bytes().bytesPerSession() / theirs.bytes().bytesPerSession();
        String measured = "%,.0f vs %,.0f bytes: %s×"
                .formatted(ours.bytes().bytesPerSession(), theirs.bytes().bytesPerSession(), num(ratio));
        return new Check(target, measured, OptionalDouble.of(ratio), true, ratio <= 0.5);
    }

    /** The checks as a markdown table: target, measured, verdict. */
    static String table(List<Check> checks) {
        StringBuilder md = new StringBuilder("| target | measured | verdict |\n|---|---|---|\n");
        for (Check c : checks) {
            md.append("| ")
                    .append(c.target())
                    .append(" | ")
                    .append(c.measured())
                    .append(" | ")
                    .append(c.verdict())
                    .append(" |\n");
        }
        return md.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
