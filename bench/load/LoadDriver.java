import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.RedisSessionStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helper of bench/load/run.sh, launched as a single source file against the server's libs.
 *
 * <pre>
 * create BASE_URL API_KEY COUNT TOKENS_FILE      POST /v1/sessions COUNT times (8 in flight), tokens to the file
 * touch REDIS_URL TOKENS_FILE THREADS WARMUP_S SECONDS
 *                                                RedisSessionStore.touch from THREADS platform threads
 * </pre>
 *
 * The touch mode builds the store the way the server does (key prefix "ss", SessionPolicy.defaults(),
 * 500 ms command timeout), so it touches the very sessions the HTTP run reads. It prints one line
 * {@code STORE_TOUCH ops=.. seconds=.. ops_per_s=.. misses=.. errors=.. cpu_s=.. driver_cpu=.. redis_cpu=..
 * threads=.. p50_us=.. p99_us=..}: this process's CPU time, both processes' CPU in % of one core, and the
 * percentiles of one touch's duration, during the measured window only.
 */
public final class LoadDriver {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(sst_[A-Za-z0-9_-]{45})\"");

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "create" -> create(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "touch" -> touch(args[1], Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> {
                System.err.println("usage: create BASE_URL API_KEY COUNT FILE | touch REDIS_URL FILE THREADS WARMUP_S SECONDS");
                System.exit(2);
            }
        }
    }

    private static void create(String baseUrl, String apiKey, int count, Path out) throws Exception {
        if (count < 1 || count > 1_000_000) throw new IllegalArgumentException("COUNT: 1..1000000, got " + count);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String body = "{\"userId\":\"load-get-" + i + "\",\"attributes\":{\"theme\":\"dark\",\"locale\":\"en-GB\","
                        + "\"cart\":[101,202,303]}}";
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/sessions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                futures.add(pool.submit(() -> tokenOf(http.send(request, HttpResponse.BodyHandlers.ofString()))));
            }
            for (Future<String> f : futures) tokens.add(f.get());
        }
        Files.write(out, tokens);
        System.out.println("CREATED " + tokens.size());
    }

    private static String tokenOf(HttpResponse<String> response) throws IOException {
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IOException("POST /v1/sessions answered " + response.statusCode() + " without a token");
        }
        return m.group(1);
    }

    private static void touch(String redisUrl, Path file, int threads, int warmupSeconds, int seconds)
            throws Exception {
        List<SessionToken> tokens = Files.readAllLines(file).stream().map(SessionToken::parse).toList();
        if (tokens.isEmpty() || threads < 1 || threads > 256 || seconds < 1 || seconds > 600 || warmupSeconds < 0) {
            throw new IllegalArgumentException("tokens, THREADS 1..256, SECONDS 1..600, WARMUP_S >= 0");
        }
        RedisClient admin = RedisClient.create(redisUrl);
        try (RedisSessionStore store = RedisSessionStore.builder().redisUri(redisUrl)
                        .policy(SessionPolicy.defaults()).commandTimeout(Duration.ofMillis(500)).keyPrefix("ss").build();
                StatefulRedisConnection<String, String> info = admin.connect()) {
            runTouch(store, tokens, threads, Duration.ofSeconds(warmupSeconds)); // warm-up, discarded
            double redisBefore = redisCpuSeconds(info);
            long cpuBefore = cpuNanos();
            long start = System.nanoTime();
            long[] counts = runTouch(store, tokens, threads, Duration.ofSeconds(seconds));
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuBefore) / 1e9;
            double redisCpu = redisCpuSeconds(info) - redisBefore;
            System.out.printf("STORE_TOUCH ops=%d seconds=%.3f ops_per_s=%.1f misses=%d errors=%d cpu_s=%.2f"
                            + " driver_cpu=%.0f redis_cpu=%.0f threads=%d p50_us=%.1f p99_us=%.1f%n",
                    counts[0], elapsed, counts[0] / elapsed, counts[1], counts[2], cpu, cpu / elapsed * 100,
                    redisCpu / elapsed * 100, threads, counts[3] / 10.0, counts[4] / 10.0);
        } finally {
            admin.shutdown();
        }
    }

    /**
     * Touches from {@code threads} threads for {@code length}; returns {ops, misses, errors, p50, p99}, the
     * percentiles of each touch's duration in tenths of a microsecond (a histogram of 0.1 µs buckets up to 10 ms).
     */
    private static long[] runTouch(RedisSessionStore store, List<SessionToken> tokens, int threads, Duration length)
            throws InterruptedException {
        LongAdder ops = new LongAdder();
        LongAdder misses = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        long[][] histograms = new long[threads][HISTOGRAM_BUCKETS];
        for (int t = 0; t < threads; t++) {
            int offset = t * tokens.size() / threads;
            long[] histogram = histograms[t];
            workers.add(Thread.ofPlatform().name("touch-" + t).start(() -> {
                for (int i = offset; !stop.get(); i++) {
                    try {
                        // only touches that found their session count toward the rate
                        long start = System.nanoTime();
                        boolean found = store.touch(tokens.get(i % tokens.size())).isPresent();
                        histogram[(int) Math.min((System.nanoTime() - start) / 100, HISTOGRAM_BUCKETS - 1)]++;
                        if (found) ops.increment();
                        else misses.increment();
                    } catch (RuntimeException e) {
                        if (errors.sum() == 0) System.err.println("first touch error: " + e);
                        errors.increment();
                    }
                }
            }));
        }
        Thread.sleep(length);
        stop.set(true);
        for (Thread w : workers) w.join(5_000);
        long[] all = new long[HISTOGRAM_BUCKETS];
        for (long[] h : histograms) for (int b = 0; b < HISTOGRAM_BUCKETS; b++) all[b] += h[b];
        return new long[] {ops.sum(), misses.sum(), errors.sum(), percentile(all, 0.50), percentile(all, 0.99)};
    }

    private static final int HISTOGRAM_BUCKETS = 100_000;

    /** The bucket (tenths of a microsecond) below which {@code q} of the counted durations fall. */
    private static long percentile(long[] histogram, double q) {
        long total = 0;
        for (long c : histogram) total += c;
        long rank = (long) Math.ceil(q * total), seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank && rank > 0) return b;
        }
        return 0;
    }

    /** Redis's own CPU time (INFO cpu: used_cpu_sys + used_cpu_user), in seconds. */
    private static double redisCpuSeconds(StatefulRedisConnection<String, String> info) {
        return info.sync().info("cpu").lines()
                .filter(l -> l.startsWith("used_cpu_sys:") || l.startsWith("used_cpu_user:"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()))
                .sum();
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
