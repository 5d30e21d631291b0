package dev.sessionstore.bench;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.redis.RedisSessionStoreBuilder;
import dev.sessionstore.redis.support.RedisClients;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.resource.ClientResources;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listings at scale (issue 12, requirement 6): does walking a big index hurt everyone else? Builds one index value
 * with {@code indexSessions} sessions (spread over the 256 tags) and a pool of other sessions, then runs phases of 16
 * threads touching the other sessions, each phase alone or while one more thread walks the whole index again and
 * again: with the paged listing at two limits, flat out through the touches' store (and so their connection) or
 * through a second store on the same client resources (its own connection), both unpaced ({@code indexListingRate}
 * 0), paced by the walker ({@code pause} between pages of 100, or a tenth of it between pages of 10: the same pace in
 * smaller steps), flat out through a third store at the default index listing pace (the store paces the walk), and
 * with the listing as it was before paging (per tag, one script that loads the tag's whole index zset; emulated here
 * with the same commands). The phases are interleaved, {@code rounds} times, with a second phase without a walk among
 * them (the noise); the report gives each mode's median over the rounds of touch p50 and p99, of the walk's sessions
 * per second, and of the CPU that Redis and this JVM used, and judges each walk's p99 against the noise.
 */
final class PagingCommand {
    static final String INDEX = "tenant";
    static final String VALUE = "big";
    static final int OTHERS = 10_000;

    /** A way of walking the index while the touches run, or none ({@link #walks()}). */
    enum Mode {
        ALONE("touches alone"),
        PAGED_100("paging, limit 100, flat out, touches' connection"),
        PAGED_100_OWN("paging, limit 100, flat out, own connection"),
        PAGED_100_PACED("paging, limit 100, paced"),
        /** A second phase without a walk, so that two alone phases of one round show the noise. */
        ALONE_AGAIN("touches alone again (the noise)"),
        PAGED_10_PACED("paging, limit 10, paced"),
        PAGED_1000("paging, limit 1000, flat out, touches' connection"),
        /** Flat out through a store at the default index listing pace: the store paces the walk, not its caller. */
        PAGED_100_STORE_PACED("paging, limit 100, flat out, store's default pace"),
        PAGED_1000_STORE_PACED("paging, limit 1000, flat out, store's default pace"),
        UNPAGED_OLD("unpaged, as before (256 whole-zset scripts)");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        boolean walks() {
            return this != ALONE && this != ALONE_AGAIN;
        }
    }

    /**
     * One phase: the longest command Redis ran (ms, its latency monitor, event {@code command}; 0 when none took 1 ms),
     * touch latency percentiles (µs), touches, sessions the walk read per second, full index walks and their pages,
     * and the CPU Redis and this JVM used over the phase (in cores: 1.0 is one core busy the whole phase).
     */
    record Phase(
            long redisMaxMs,
            Mode mode,
            double p50,
            double p99,
            double max,
            long touches,
            double walkRate,
            int walks,
            long pages,
            double redisCores,
            double jvmCores) {}

    private static final ProtocolKeyword LATENCY = () -> "LATENCY".getBytes(StandardCharsets.US_ASCII);

    private PagingCommand() {}

    static List<Phase> run(
            Backends b, int indexSessions, int threads, Duration phase, Duration pause, int rounds, PrintStream log)
            throws Exception {
        ClientResources resources = RedisClients.newResources();
        try (RedisSessionStore store = store(b, resources, 0);
                RedisSessionStore lister = store(b, resources, 0);
                RedisSessionStore paced = store(b, resources, RedisSessionStoreBuilder.DEFAULT_INDEX_LISTING_RATE)) {
            b.redis().flushAll();
            List<SessionToken> others = build(store, indexSessions, threads, log);
            IndexWalker.Stores stores = new IndexWalker.Stores(store, lister, paced, pause);
            List<Phase> phases = new ArrayList<>();
            Progress progress = new Progress(log, rounds * Mode.values().length);
            for (int r = 0; r < rounds; r++) {
                for (Mode m : Mode.values()) {
                    Phase p = phase(stores, b, others, m, threads, phase);
                    phases.add(p);
                    progress.step("round %d %-50s touch p50 %,.0f µs p99 %,.0f µs; walk %,.0f sessions/s"
                            .formatted(r + 1, m.label, p.p50(), p.p99(), p.walkRate()));
                }
            }
            return phases;
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** A store on the shared client resources (so its own connection) with index listings at {@code rate}. */
    private static RedisSessionStore store(Backends b, ClientResources resources, int rate) {
        return RedisSessionStore.builder()
                .redisUri(b.redis().uri())
                .indexListingRate(rate)
                .policy(SessionPolicy.defaults())
                .commandTimeout(Duration.ofSeconds(10))
                .keyPrefix("ss")
                .clientResources(resources)
                .build();
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
            IndexWalker.Stores stores, Backends b, List<SessionToken> others, Mode mode, int threads, Duration length)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<long[]>> touchers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                touchers.add(pool.submit(() -> touch(stores.store(), others, stop)));
            }
            b.redis().sync().configSet("latency-monitor-threshold", "1");
            b.redis()
                    .sync()
                    .dispatch(
                            LATENCY,
                            new IntegerOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("RESET"));
            double redisCpu0 = redisCpuSeconds(b);
            long jvmCpu0 = jvmCpuNanos();
            long t0 = System.nanoTime();
            Future<long[]> walker = pool.submit(() -> IndexWalker.walk(stores, b, mode, stop));
            Thread.sleep(length.toMillis());
            stop.set(true);
            List<long[]> lat = new ArrayList<>();
            for (Future<long[]> f : touchers) {
                lat.add(f.get());
            }
            long[] w = walker.get(); // walks, sessions, pages
            double seconds = (System.nanoTime() - t0) / 1e9;
            double redisCores = (redisCpuSeconds(b) - redisCpu0) / seconds;
            double jvmCores = (jvmCpuNanos() - jvmCpu0) / 1e9 / seconds;
            long[] all = lat.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Phase(
                    longestCommandMs(b),
                    mode,
                    pct(all, 0.50),
                    pct(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e3,
                    all.length,
                    w[1] / seconds,
                    (int) w[0],
                    w[2],
                    redisCores,
                    jvmCores);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double redisCpuSeconds(Backends b) {
        Map<String, String> cpu = RedisInfo.parse(b.redis().sync().info("cpu"));
        return Double.parseDouble(cpu.getOrDefault("used_cpu_user", "0"))
                + Double.parseDouble(cpu.getOrDefault("used_cpu_sys", "0"));
    }

    private static long jvmCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
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
}
