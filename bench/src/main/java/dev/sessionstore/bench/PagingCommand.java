package dev.sessionstore.bench;

import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.RedisSessionStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Listings at scale (issue 12, requirement 6): does walking a big index hurt everyone else? Builds one index value
 * with {@code indexSessions} sessions (spread over the 256 tags) and a pool of other sessions, then runs phases of 16
 * threads touching the other sessions, each phase alone or while one more thread walks the whole index again and
 * again: with the paged listing at two limits, and with the listing as it was before paging (per tag, one script
 * that loads the tag's whole index zset; emulated here with the same commands). The phases are interleaved, {@code
 * rounds} times; the report gives each mode's median over the rounds of touch p50 and p99 and of the time one full
 * walk of the index takes.
 */
final class PagingCommand {
    static final String INDEX = "tenant";
    static final String VALUE = "big";
    static final int OTHERS = 10_000;

    /** The listing before paging: LIST_INDEX loaded the whole zset of the tag, each session with HGETALL. */
    private static final String OLD_LIST_INDEX = """
            local out = {}
            for _, sid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local h = redis.call('HGETALL', ARGV[1] .. sid)
              if #h > 0 then out[#out + 1] = {sid, h} end
            end
            return out
            """;

    /** A way of walking the index while the touches run, or none. */
    enum Mode {
        ALONE("touches alone"),
        PAGED_100("paging, limit 100"),
        PAGED_1000("paging, limit 1000"),
        UNPAGED_OLD("unpaged, as before (256 whole-zset scripts)");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /**
     * One phase: the longest command Redis ran (ms, its latency monitor, event {@code command}; 0 when none took 1 ms),
     * touch latency percentiles (µs), touches, full index walks, their mean duration (ms) and pages.
     */
    record Phase(
            long redisMaxMs,
            Mode mode,
            double p50,
            double p99,
            double max,
            long touches,
            int walks,
            double walkMs,
            long pages) {}

    private static final ProtocolKeyword LATENCY = () -> "LATENCY".getBytes(StandardCharsets.US_ASCII);

    private PagingCommand() {}

    static List<Phase> run(Backends b, int indexSessions, int threads, Duration phase, int rounds, PrintStream log)
            throws Exception {
        RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(b.redis().uri())
                .policy(SessionPolicy.defaults())
                .commandTimeout(Duration.ofSeconds(10))
                .keyPrefix("ss")
                .build();
        RedisSessionStore lister = RedisSessionStore.builder()
                .redisUri(b.redis().uri())
                .policy(SessionPolicy.defaults())
                .commandTimeout(Duration.ofSeconds(10))
                .keyPrefix("ss")
                .build();
        try (store;
                lister) {
            b.redis().flushAll();
            List<SessionToken> others = build(store, indexSessions, threads, log);
            List<Phase> phases = new ArrayList<>();
            Progress progress = new Progress(log, rounds * Mode.values().length);
            for (int r = 0; r < rounds; r++) {
                for (Mode m : Mode.values()) {
                    Phase p = phase(store, b, others, m, threads, phase);
                    phases.add(p);
                    progress.step("round %d %-45s touch p50 %,.0f µs p99 %,.0f µs; %d walks of %,.0f ms"
                            .formatted(r + 1, m.label, p.p50(), p.p99(), p.walks(), p.walkMs()));
                }
            }
            return phases;
        }
    }

    /** The index value's sessions and {@link #OTHERS} others (touched by the phases); returns the others' tokens. */
    private static List<SessionToken> build(RedisSessionStore store, int indexSessions, int threads, PrintStream log)
            throws Exception {
        long start = System.nanoTime();
        List<SessionToken> others = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < indexSessions + OTHERS; i = next.getAndIncrement()) {
                        if (i < indexSessions) {
                            store.create(
                                    NewSession.builder().index(INDEX, VALUE).build());
                        } else {
                            others.add(store.create(NewSession.forUser("u" + (i % 5_000)))
                                    .token());
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        log.printf(
                "built %,d sessions of %s=%s and %,d others in %.1f s%n",
                indexSessions, INDEX, VALUE, others.size(), (System.nanoTime() - start) / 1e9);
        return List.copyOf(others);
    }

    private static Phase phase(
            RedisSessionStore store, Backends b, List<SessionToken> others, Mode mode, int threads, Duration length)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<long[]>> touchers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                touchers.add(pool.submit(() -> touch(store, others, stop)));
            }
            b.redis().sync().configSet("latency-monitor-threshold", "1");
            b.redis()
                    .sync()
                    .dispatch(
                            LATENCY,
                            new IntegerOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("RESET"));
            Future<long[]> walker = pool.submit(() -> walk(store, b, mode, stop));
            Thread.sleep(length.toMillis());
            stop.set(true);
            List<long[]> lat = new ArrayList<>();
            for (Future<long[]> f : touchers) {
                lat.add(f.get());
            }
            long[] all = lat.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long[] w = walker.get(); // walks, total walk nanos, pages
            return new Phase(
                    longestCommandMs(b),
                    mode,
                    pct(all, 0.50),
                    pct(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e3,
                    all.length,
                    (int) w[0],
                    w[0] == 0 ? 0 : w[1] / 1e6 / w[0],
                    w[2]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Touches random sessions of {@code others} until told to stop; returns each touch's latency in ns. */
    private static long[] touch(RedisSessionStore store, List<SessionToken> others, AtomicBoolean stop) {
        long[] lat = new long[1 << 16];
        int n = 0;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (!stop.get()) {
            SessionToken token = others.get(rnd.nextInt(others.size()));
            long t0 = System.nanoTime();
            store.touch(token);
            if (n == lat.length) {
                lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = System.nanoTime() - t0;
        }
        return Arrays.copyOf(lat, n);
    }

    /** Walks the whole index again and again in the mode's way until told to stop: {walks, nanos, pages}. */
    private static long[] walk(RedisSessionStore store, Backends b, Mode mode, AtomicBoolean stop) {
        long walks = 0;
        long nanos = 0;
        long pages = 0;
        while (!stop.get() && mode != Mode.ALONE) {
            long t0 = System.nanoTime();
            long p = switch (mode) {
                case PAGED_100 -> paged(store, 100, stop);
                case PAGED_1000 -> paged(store, 1000, stop);
                case UNPAGED_OLD -> unpagedAsBefore(b);
                case ALONE -> 0;
            };
            if (!stop.get()) { // only whole walks count
                walks++;
                nanos += System.nanoTime() - t0;
                pages += p;
            }
        }
        return new long[] {walks, nanos, pages};
    }

    private static long paged(RedisSessionStore store, int limit, AtomicBoolean stop) {
        long pages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            SessionPage page = store.listByIndex(INDEX, VALUE, new PageRequest(limit, cursor));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && !stop.get());
        return pages;
    }

    /** The 256 calls of the listing before paging, one at a time (it pipelined them; the Redis work is the same). */
    private static long unpagedAsBefore(Backends b) {
        var redis = b.redis().sync();
        for (int t = 0; t < 256; t++) {
            String base = "ss:{%02x}:".formatted(t);
            redis.eval(OLD_LIST_INDEX, ScriptOutputType.MULTI, new String[] {base + "x:" + INDEX + ":" + VALUE}, base);
        }
        return 256;
    }

    /** The latency monitor's longest {@code command} event since its reset, in ms (0: none of 1 ms or more). */
    private static long longestCommandMs(Backends b) {
        List<Object> latest = b.redis()
                .sync()
                .dispatch(
                        LATENCY,
                        new ArrayOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add("LATEST"));
        long max = 0;
        for (Object event : latest) {
            List<?> e = (List<?>) event;
            if ("command".equals(String.valueOf(e.get(0)))) {
                max = Math.max(max, ((Number) e.get(3)).longValue());
            }
        }
        return max;
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e3;
    }

    /** Per mode, the median over the rounds of each figure. */
    static String markdown(List<Phase> phases) {
        StringBuilder md = new StringBuilder(
                "| while 16 threads touch other sessions | touch p50 (µs) | touch p99 (µs) | touch max (µs) | touches"
                        + " per phase | one walk of the index (ms) | pages per walk | longest Redis command (ms) |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Mode m : Mode.values()) {
            List<Phase> of = phases.stream().filter(p -> p.mode() == m).toList();
            md.append("| %s | %,.0f | %,.0f | %,.0f | %,.0f | %s | %s | %,.0f |\n"
                    .formatted(
                            m.label,
                            median(of, Phase::p50),
                            median(of, Phase::p99),
                            median(of, Phase::max),
                            median(of, p -> (double) p.touches()),
                            m == Mode.ALONE ? "–" : "%,.0f".formatted(median(of, Phase::walkMs)),
                            m == Mode.ALONE
                                    ? "–"
                                    : "%,.0f"
                                            .formatted(median(
                                                    of, p -> p.walks() == 0 ? 0 : (double) p.pages() / p.walks())),
                            median(of, p -> (double) p.redisMaxMs())));
        }
        md.append("\nEach round, in this order: ");
        for (Phase p : phases) {
            md.append("%s p99 %,.0f µs, longest command %d ms; "
                    .formatted(p.mode().name(), p.p99(), p.redisMaxMs()));
        }
        return md.append('\n').toString();
    }

    private static double median(List<Phase> of, ToDoubleFunction<Phase> f) {
        return Stats.median(of.stream().map(p -> f.applyAsDouble(p)).toList());
    }
}
