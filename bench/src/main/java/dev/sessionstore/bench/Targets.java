package dev.sessionstore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
