package dev.sessionstore.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The backend comparison: bytes per session first (on an emptied Redis), then a pool per store, a
 * warm-up of every operation, then {@code runs} interleaved runs (for each run, each thread count,
 * each store: create, touch, update, list, revoke, and for a Redis-backed store the touch-heavy web mix at
 * the highest thread count), then a single-threaded pass that counts round trips. Every store takes its turn
 * in every run, so slow drifts of the machine hit all alike. Every phase of a Redis-backed store also
 * records what it cost Redis ({@link RedisCost}).
 */
final class CompareRunner {
    private static final int ROUND_TRIP_OPS = 100;
    private static final int ROUND_TRIP_USERS = 50;
    /** The tag of the warm-up phases, which are not reported. */
    private static final String WARM_UP = "w";

    private final Options o;
    private final Backends backends;
    private final PrintStream log;
    private final List<String> notes = new ArrayList<>();
    private final RedisCost cost;
    private final CostLedger ledger = new CostLedger();

    CompareRunner(Options o, Backends backends, PrintStream log) {
        this.o = o;
        this.backends = backends;
        this.log = log;
        this.cost = new RedisCost(backends.redis(), backends.redisPid());
    }

    CompareResult run(Map<String, String> environment) {
        Map<String, Target> targets = open();
        Progress progress = new Progress(log, countSteps(targets));
        Map<String, BytesPerSession.Result> bytes = new LinkedHashMap<>();
        targets.keySet().forEach(name -> {
            var b = BytesPerSession.measure(backends, name, o.bytesSessions(), 1);
            bytes.put(name, b);
            progress.step("bytes  %-15s %,10.0f bytes/session".formatted(name, b.bytesPerSession()));
        });
        Map<String, Pool> pools = new LinkedHashMap<>();
        targets.forEach((name, t) -> {
            Pool pool = Pool.create(t, o.poolUsers(), "user-");
            pools.put(name, pool);
            progress.step("pool   %-15s %,d sessions".formatted(name, pool.handles().length));
        });
        int maxThreads = o.threads().stream().mapToInt(i -> i).max().orElse(1);
        targets.forEach((name, t) -> {
            measureStore(
                    t, Objects.requireNonNull(pools.get(name)), maxThreads, o.warmup(), WARM_UP, progress, "warm-up");
            if (t.backing() == Backing.REDIS) {
                measureMix(
                        t,
                        Objects.requireNonNull(pools.get(name)),
                        maxThreads,
                        o.warmup(),
                        WARM_UP,
                        progress,
                        "warm-up");
            }
        });
        Map<String, List<PhaseResult>> results = new LinkedHashMap<>();
        for (int run = 1; run <= o.runs(); run++) {
            for (int threads : o.threads()) {
                for (var e : targets.entrySet()) {
                    String label = "run %d/%d".formatted(run, o.runs());
                    String tag = "r" + run + "t" + threads;
                    measureStore(
                                    e.getValue(),
                                    Objects.requireNonNull(pools.get(e.getKey())),
                                    threads,
                                    o.phase(),
                                    tag,
                                    progress,
                                    label)
                            .forEach((op, r) -> results.computeIfAbsent(
                                            key(e.getKey(), op, threads), k -> new ArrayList<>())
                                    .add(r));
                    if (threads == maxThreads && e.getValue().backing() == Backing.REDIS) {
                        measureMix(
                                e.getValue(),
                                Objects.requireNonNull(pools.get(e.getKey())),
                                threads,
                                o.phase(),
                                tag,
                                progress,
                                label);
                    }
                }
            }
        }
        targets.values().forEach(Target::close);
        Map<String, CompareResult.StoreFacts> facts = new LinkedHashMap<>();
        targets.keySet().forEach(name -> {
            Map<Op, Double> trips = roundTrips(name);
            facts.put(name, new CompareResult.StoreFacts(name, trips, Objects.requireNonNull(bytes.get(name))));
            progress.step("trips  %-15s %s".formatted(name, trips));
        });
        environment.put("Load average at end", MachineInfo.loadAverage());
        return new CompareResult(
                environment,
                List.copyOf(targets.keySet()),
                o.threads(),
                o.runs(),
                fold(targets, results),
                facts,
                ledger.costs(targets.keySet(), o.threads()),
                ledger.mixes(targets.keySet(), maxThreads),
                notes);
    }

    private Map<String, Target> open() {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String name : o.stores()) {
            try {
                targets.put(name, backends.newTarget(name));
            } catch (RuntimeException | LinkageError e) {
                String why = name + " was not measured: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                notes.add(why);
                log.println("SKIP " + why);
            }
        }
        return targets;
    }

    private int countSteps(Map<String, Target> targets) {
        int ops = targets.values().stream()
                .mapToInt(t -> (int) IntStream.range(0, Op.values().length)
                        .filter(i -> t.supports(Op.values()[i]))
                        .count())
                .sum();
        long redis = targets.values().stream()
                .filter(t -> t.backing() == Backing.REDIS)
                .count();
        return targets.size() * 3 + ops * (1 + o.runs() * o.threads().size()) + (int) redis * (1 + o.runs());
    }

    private Map<Op, PhaseResult> measureStore(
            Target t, Pool pool, int threads, Duration d, String tag, Progress progress, String label) {
        List<ArrayDeque<Object>> made =
                IntStream.range(0, threads).mapToObj(i -> new ArrayDeque<>()).toList();
        Map<Op, PhaseResult> out = new EnumMap<>(Op.class);
        String runTag = tag + "-" + System.nanoTime();
        for (Op op : Op.values()) {
            if (!t.supports(op)) {
                continue;
            }
            long limit = op == Op.CREATE ? Math.max(1, o.maxCreates() / threads) : Long.MAX_VALUE;
            boolean redis = t.backing() == Backing.REDIS;
            if (redis) {
                cost.start();
            }
            PhaseResult r = PhaseRunner.run(threads, d, Workers.tasks(t, op, pool, made, runTag, limit));
            if (redis) {
                RedisCost.Phase c = cost.end();
                if (!tag.equals(WARM_UP)) {
                    ledger.add(t.name(), op, threads, c, r.ops());
                }
            }
            out.put(op, r);
            progress.step("%-8s %2d thr %-15s %-9s %,12.0f ops/s  p50 %,8.1f µs  p99 %,9.1f µs%s"
                    .formatted(
                            label,
                            threads,
                            t.name(),
                            op.label(),
                            r.opsPerSecond(),
                            r.latencyNanos().getValueAtPercentile(50) / 1e3,
                            r.latencyNanos().getValueAtPercentile(99) / 1e3,
                            r.errors() > 0 ? "  ERRORS " + r.errors() + " (" + r.firstError() + ")" : ""));
        }
        return out;
    }

    /**
     * The touch-heavy web mix on a Redis-backed store, with its Redis cost; the sessions it created are revoked
     * afterwards, unmeasured.
     */
    private void measureMix(Target t, Pool pool, int threads, Duration d, String tag, Progress progress, String label) {
        List<ArrayDeque<Object>> made =
                IntStream.range(0, threads).mapToObj(i -> new ArrayDeque<>()).toList();
        String runTag = tag + "-mix-" + System.nanoTime();
        cost.start();
        PhaseResult r = PhaseRunner.run(threads, d, Workers.mix(t, pool, made, runTag));
        RedisCost.Phase c = CostLedger.perOp(cost.end(), r.ops());
        PhaseRunner.run(
                threads, Duration.ofMinutes(5), Workers.tasks(t, Op.REVOKE, pool, made, runTag, Long.MAX_VALUE));
        if (!tag.equals(WARM_UP)) {
            ledger.addMix(t.name(), r, c);
        }
        progress.step("%-8s %2d thr %-15s %-9s %,12.0f ops/s  Redis %,6.1f µs/op (commandstats), %,6.1f (process)%s"
                .formatted(
                        label,
                        threads,
                        t.name(),
                        "web mix",
                        r.opsPerSecond(),
                        c.commandMicros(),
                        c.processMicros(),
                        r.errors() > 0 ? "  ERRORS " + r.errors() + " (" + r.firstError() + ")" : ""));
        if (r.errors() > 0) {
            notes.add("%s web mix: %,d operations failed, first: %s".formatted(t.name(), r.errors(), r.firstError()));
        }
    }

    /**
     * Counts round trips with only this store open, on a fresh instance: another store's background
     * work (Spring Session's cleanup task) must not be counted against it.
     */
    private Map<Op, Double> roundTrips(String name) {
        Map<Op, Double> trips = new EnumMap<>(Op.class);
        List<ArrayDeque<Object>> made = List.of(new ArrayDeque<>());
        try (Target t = backends.newTarget(name);
                RoundTripCounter counter = RoundTripCounter.forBacking(t.backing(), backends)) {
            Pool pool = Pool.create(t, ROUND_TRIP_USERS, "rt-user-");
            for (Op op : Op.values()) {
                if (!t.supports(op)) {
                    continue;
                }
                counter.drain();
                PhaseResult r = PhaseRunner.run(
                        1,
                        Duration.ofMinutes(5),
                        Workers.tasks(t, op, pool, made, "rt-" + System.nanoTime(), ROUND_TRIP_OPS));
                trips.put(op, r.ops() == 0 ? Double.NaN : counter.drain() / (double) r.ops());
            }
        }
        return trips;
    }

    private List<CompareResult.OpStats> fold(Map<String, Target> targets, Map<String, List<PhaseResult>> results) {
        List<CompareResult.OpStats> stats = new ArrayList<>();
        for (int threads : o.threads()) {
            for (String store : targets.keySet()) {
                for (Op op : Op.values()) {
                    List<PhaseResult> runs = results.get(key(store, op, threads));
                    if (runs != null) {
                        CompareResult.OpStats s = Stats.fold(store, op, threads, runs);
                        stats.add(s);
                        if (s.errors() > 0) {
                            notes.add("%s %s at %d threads: %,d operations failed, first: %s"
                                    .formatted(store, op.label(), threads, s.errors(), s.firstError()));
                        }
                    }
                }
            }
        }
        return stats;
    }

    private static String key(String store, Op op, int threads) {
        return store + "/" + op + "/" + threads;
    }
}
