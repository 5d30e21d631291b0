package dev.sessionstore.bench;

import java.util.List;
import java.util.Locale;

/**
 * Draws the comparison as an SVG: one panel per thread count, the operations as groups, one bar per
 * store (the median run, with a whisker from the slowest to the fastest run), operations per second on
 * a logarithmic axis, a legend on top. Plain SVG 1.1 text, no scripts, no external fonts.
 */
final class SvgChart {
    static final List<String> COLORS = List.of("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b");
    private static final int PANEL_W = 560;
    private static final int PANEL_H = 380;
    private static final int LEFT = 78;
    private static final int TOP = 110;
    private static final int PLOT_H = 300;

    private SvgChart() {}

    static String render(CompareResult r, String title) {
        double[] range = range(r);
        int width = LEFT + r.threads().size() * PANEL_W + 20;
        int height = TOP + PLOT_H + 70;
        StringBuilder svg = new StringBuilder();
        svg.append(fmt(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"Helvetica, Arial, sans-serif\">\n",
                width, height, width, height));
        svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        svg.append(fmt("<text x=\"%d\" y=\"24\" font-size=\"18\" font-weight=\"bold\">%s</text>\n", LEFT, esc(title)));
        legend(svg, r.stores());
        for (int p = 0; p < r.threads().size(); p++) {
            panel(svg, r, r.threads().get(p), LEFT + p * PANEL_W, range);
        }
        svg.append(fmt(
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s</text>\n",
                LEFT, height - 10, esc(footer(r))));
        svg.append(fmt(
                "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">"
                        + "operations per second (log scale)</text>\n",
                TOP + PLOT_H / 2));
        return svg.append("</svg>\n").toString();
    }

    /** Where and when: the figures mean little without the machine. */
    static String footer(CompareResult r) {
        var env = r.environment();
        return "Median of %d interleaved run%s. %s; %s; %s."
                .formatted(
                        r.runs(),
                        r.runs() == 1 ? "" : "s",
                        env.getOrDefault("CPU", "?"),
                        env.getOrDefault("JDK", "?").replaceAll(",.*", "").replaceAll(" \\(.*", ""),
                        env.getOrDefault("Date (UTC)", "?"));
    }

    private static void legend(StringBuilder svg, List<String> stores) {
        int x = LEFT;
        for (int i = 0; i < stores.size(); i++) {
            svg.append(
                    fmt("<rect x=\"%d\" y=\"40\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x, color(stores.get(i))));
            svg.append(fmt("<text x=\"%d\" y=\"52\" font-size=\"13\">%s</text>\n", x + 19, esc(stores.get(i))));
            x += 40 + stores.get(i).length() * 8;
        }
        svg.append(fmt(
                "<text x=\"%d\" y=\"74\" font-size=\"12\" fill=\"#555\">bar: median run; whisker: slowest to"
                        + " fastest run; n/a: the store has no such operation</text>\n",
                LEFT));
    }

    private static void panel(StringBuilder svg, CompareResult r, int threads, int x0, double[] range) {
        int plotW = PANEL_W - 40;
        int base = TOP + PLOT_H;
        svg.append(fmt(
                "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\">%d thread%s</text>\n",
                x0 + plotW / 2, TOP - 10, threads, threads == 1 ? "" : "s"));
        for (double v = range[0]; v < range[1]; v *= 10) {
            for (int m = 2; m <= 5; m += 3) {
                int y = y(v * m, range);
                svg.append(fmt(
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#f0f0f0\"/>\n", x0, y, x0 + plotW, y));
            }
        }
        for (double v = range[0]; v <= range[1] * 1.0001; v *= 10) {
            int y = y(v, range);
            svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n", x0, y, x0 + plotW, y));
            svg.append(fmt(
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                    x0 - 4, y + 4, humanize(v)));
        }
        svg.append(
                fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", x0, base, x0 + plotW, base));
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", x0, TOP, x0, base));
        Op[] ops = Op.values();
        double groupW = plotW / (double) ops.length;
        double barW = (groupW - 12) / r.stores().size();
        for (int g = 0; g < ops.length; g++) {
            double gx = x0 + g * groupW + 6;
            for (int s = 0; s < r.stores().size(); s++) {
                String store = r.stores().get(s);
                bar(svg, r, store, ops[g], threads, gx + s * barW, barW, color(store), range);
            }
            svg.append(fmt(
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>\n",
                    gx + (groupW - 12) / 2, base + 18, ops[g].label()));
        }
    }

    private static void bar(
            StringBuilder svg,
            CompareResult r,
            String store,
            Op op,
            int threads,
            double x,
            double w,
            String color,
            double[] range) {
        int base = TOP + PLOT_H;
        var stat = r.stat(store, op, threads);
        if (stat.isEmpty() || !(stat.get().median() > 0)) {
            svg.append(fmt(
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"#888\" text-anchor=\"middle\">n/a</text>\n",
                    x + w / 2, base - 4));
            return;
        }
        var s = stat.get();
        int top = y(s.median(), range);
        svg.append(fmt(
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s, %d threads: %,.0f ops/s"
                        + "</title></rect>\n",
                x + 1, top, Math.max(1, w - 2), base - top, color, esc(store), op.label(), threads, s.median()));
        double cx = x + w / 2;
        int lo = y(Math.max(s.min(), range[0]), range);
        int hi = y(s.max(), range);
        svg.append(fmt(
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\" stroke-width=\"1\"/>\n",
                cx, lo, cx, hi));
    }

    /** The decade below the smallest and above the largest figure. */
    static double[] range(CompareResult r) {
        double min = r.stats().stream()
                .mapToDouble(CompareResult.OpStats::min)
                .filter(v -> v > 0)
                .min()
                .orElse(1);
        double max =
                r.stats().stream().mapToDouble(CompareResult.OpStats::max).max().orElse(10);
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lo * 10))));
        return new double[] {lo, hi == lo ? lo * 10 : hi};
    }

    static int y(double value, double[] range) {
        double f = (Math.log10(value) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]));
        return (int) Math.round(TOP + PLOT_H - Math.max(0, Math.min(1, f)) * PLOT_H);
    }

    static String humanize(double v) {
        if (v >= 1e6) {
            return fmt("%.0fM", v / 1e6);
        }
        return v >= 1e3 ? fmt("%.0fk", v / 1e3) : fmt("%.0f", v);
    }

    /** A store keeps its colour whichever stores a run measures. */
    private static String color(String store) {
        int i = Options.ALL_STORES.indexOf(store);
        return COLORS.get(Math.floorMod(i, COLORS.size()));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
