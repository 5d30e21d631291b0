package dev.sessionstore.bench;

import dev.sessionstore.bench.PagingCommand.Mode;
import dev.sessionstore.bench.PagingCommand.Phase;
import java.time.Duration;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The markdown report of {@link PagingCommand}'s phases. */
final class PagingReport {
    private PagingReport() {}

    /**
     * Per mode, the median over the rounds of each figure, then the alone phases' p99 range (the noise a walk's p99 is
     * judged against) and every phase's p99 in run order.
     */
    static String markdown(List<Phase> phases, int indexSessions, Duration pause) {
        StringBuilder md = new StringBuilder(
                "| while 16 threads touch other sessions | touch p50 (µs) | touch p99 (µs) | touch max (µs) | touches"
                        + " per phase | walk (sessions/s) | time to walk %,d sessions (s) | pages per walk |"
                                .formatted(indexSessions)
                        + " Redis CPU (cores) | bench JVM CPU (cores) | longest Redis command (ms) |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Mode m : Mode.values()) {
            List<Phase> of = phases.stream().filter(p -> p.mode() == m).toList();
            double rate = median(of, Phase::walkRate);
            boolean walks = m != Mode.ALONE;
            md.append("| %s | %,.0f | %,.0f | %,.0f | %,.0f | %s | %s | %s | %.2f | %.2f | %,.0f |\n"
                    .formatted(
                            label(m, pause),
                            median(of, Phase::p50),
                            median(of, Phase::p99),
                            median(of, Phase::max),
                            median(of, p -> (double) p.touches()),
                            walks ? "%,.0f".formatted(rate) : "–",
                            walks && rate > 0 ? "%,.1f".formatted(indexSessions / rate) : "–",
                            pagesPerWalk(of),
                            median(of, Phase::redisCores),
                            median(of, Phase::jvmCores),
                            median(of, p -> (double) p.redisMaxMs())));
        }
        DoubleSummaryStatistics alone = phases.stream()
                .filter(p -> p.mode() == Mode.ALONE)
                .mapToDouble(Phase::p99)
                .summaryStatistics();
        md.append("\nTouch p99 alone over the rounds (the noise): %,.0f–%,.0f µs.\n\nEach round, in this order: "
                .formatted(alone.getMin(), alone.getMax()));
        for (Phase p : phases) {
            md.append("%s p99 %,.0f µs; ".formatted(p.mode().name(), p.p99()));
        }
        return md.append('\n').toString();
    }

    private static String label(Mode m, Duration pause) {
        return switch (m) {
            case PAGED_100_PACED -> "%s (%s ms between pages)".formatted(m.label, pause.toMillis());
            case PAGED_10_PACED -> "%s (%s ms between pages)".formatted(m.label, pause.toNanos() / 10 / 1e6);
            default -> m.label;
        };
    }

    /** The median over the phases that finished a walk of their pages per walk, or "–" when none did. */
    private static String pagesPerWalk(List<Phase> of) {
        List<Phase> walked = of.stream().filter(p -> p.walks() > 0).toList();
        return walked.isEmpty() ? "–" : "%,.0f".formatted(median(walked, p -> (double) p.pages() / p.walks()));
    }

    private static double median(List<Phase> of, ToDoubleFunction<Phase> f) {
        return Stats.median(of.stream().map(p -> f.applyAsDouble(p)).toList());
    }
}
