package dev.sessionstore.bench;

import dev.sessionstore.bench.PagingCommand.Mode;
import dev.sessionstore.bench.PagingCommand.Phase;
import dev.sessionstore.redis.RedisSessionStoreBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
            boolean walks = m.walks();
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
                .filter(p -> !p.mode().walks())
                .mapToDouble(Phase::p99)
                .summaryStatistics();
        md.append("\nTouch p99 alone over the rounds: %,.0f–%,.0f µs.\n".formatted(alone.getMin(), alone.getMax()));
        md.append(noise(phases, pause));
        md.append("\nEach round, in this order: ");
        for (Phase p : phases) {
            md.append("%s p99 %,.0f µs; ".formatted(p.mode().name(), p.p99()));
        }
        return md.append('\n').toString();
    }

    /**
     * Each phase's touch p99 over the first alone phase of its round; the noise is the range of that ratio for the
     * second alone phase, and a walk is within it when its median ratio is at most the noise's highest.
     */
    private static String noise(List<Phase> phases, Duration pause) {
        int rounds = (int) phases.stream().filter(p -> p.mode() == Mode.ALONE).count();
        int perRound = phases.size() / Math.max(1, rounds);
        if (rounds == 0 || phases.size() != rounds * perRound) {
            return "";
        }
        Map<Mode, List<Double>> ratios = new EnumMap<>(Mode.class);
        for (int r = 0; r < rounds; r++) {
            List<Phase> round = phases.subList(r * perRound, (r + 1) * perRound);
            double alone = round.stream()
                    .filter(p -> p.mode() == Mode.ALONE)
                    .findFirst()
                    .orElseThrow()
                    .p99();
            for (Phase p : round) {
                ratios.computeIfAbsent(p.mode(), m -> new ArrayList<>()).add(p.p99() / alone);
            }
        }
        DoubleSummaryStatistics noise = ratios.getOrDefault(Mode.ALONE_AGAIN, List.of()).stream()
                .mapToDouble(Double::doubleValue)
                .summaryStatistics();
        StringBuilder md = new StringBuilder(
                "\nTouch p99 over the same round's alone phase. The noise is that ratio for the second alone phase:"
                        + " %.2f–%.2f over the rounds; a walk is within the noise when its median ratio is at most %.2f.\n\n"
                                .formatted(noise.getMin(), noise.getMax(), noise.getMax())
                        + "| while 16 threads touch other sessions | p99 / alone p99, median (min–max) | verdict |\n"
                        + "|---|---:|---|\n");
        for (Mode m : Mode.values()) {
            if (m == Mode.ALONE) {
                continue;
            }
            List<Double> mine = ratios.getOrDefault(m, List.of());
            DoubleSummaryStatistics of =
                    mine.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            double median = Stats.median(mine);
            String verdict =
                    !m.walks() ? "(the noise)" : median <= noise.getMax() ? "within the noise" : "**above the noise**";
            md.append("| %s | %.2f (%.2f–%.2f) | %s |\n"
                    .formatted(label(m, pause), median, of.getMin(), of.getMax(), verdict));
        }
        return md.toString();
    }

    private static String label(Mode m, Duration pause) {
        return switch (m) {
            case PAGED_100_PACED -> "%s (%s ms between pages)".formatted(m.label, pause.toMillis());
            case PAGED_10_PACED -> "%s (%s ms between pages)".formatted(m.label, pause.toNanos() / 10 / 1e6);
            case PAGED_100_STORE_PACED, PAGED_1000_STORE_PACED ->
                "%s (%,d sessions/s)".formatted(m.label, RedisSessionStoreBuilder.DEFAULT_INDEX_LISTING_RATE);
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
