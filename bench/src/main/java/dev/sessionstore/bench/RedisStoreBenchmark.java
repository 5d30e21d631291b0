package dev.sessionstore.bench;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.Session;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.redis.RedisSessionStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Redis store's touch, create and update, and a raw Lettuce {@code HGETALL} of a copy of a
 * session's hash (same fields, same sizes) over one shared connection, as the store uses: the rate the
 * store's touch is judged against. Run it at 1 and 16 threads ({@code -t}). With the system property
 * {@value #URI_PROPERTY} every benchmark uses that Redis (emptied first); without it each fork starts
 * a private {@code redis-server} without persistence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// JMH calls the @Setup method before any benchmark method
@SuppressWarnings("NullAway.Init")
public class RedisStoreBenchmark {
    static final String URI_PROPERTY = JmhCommand.REDIS_URI_PROPERTY;
    static final int POOL = 10_000;
    private static final int CREATE_USERS = 1_000_000;

    private @Nullable RedisServerProcess server; // none when a Redis is given
    private RedisClient client;
    private StatefulRedisConnection<String, String> raw;
    private RedisSessionStore store;
    private SessionToken[] tokens;
    private String[] rawKeys;

    /** Each thread's random choices. */
    @State(Scope.Thread)
    public static class Cursor {
        final SplittableRandom random = new SplittableRandom();
        long seq;

        int next(int bound) {
            return random.nextInt(bound);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        String uri = System.getProperty(URI_PROPERTY);
        if (uri == null) {
            server = RedisServerProcess.startEphemeral();
            uri = server.uri();
        }
        client = RedisClient.create(uri);
        raw = client.connect();
        raw.sync().flushall();
        store = RedisSessionStore.builder()
                .redisUri(uri)
                .policy(SessionPolicy.defaults())
                .commandTimeout(Stores.COMMAND_TIMEOUT)
                .keyPrefix("ss")
                .build();
        tokens = new SessionToken[POOL];
        rawKeys = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            tokens[i] =
                    store.create(StoreTarget.newSession(Workload.user(i), i)).token();
            rawKeys[i] = "raw:" + i;
        }
        try (StatefulRedisConnection<byte[], byte[]> bytes = client.connect(ByteArrayCodec.INSTANCE)) {
            for (int i = 0; i < POOL; i++) {
                copySessionHash(bytes, tokens[i], rawKeys[i]);
            }
        }
    }

    /** Copies the session's hash, as {@code docs/redis-layout.md} places it, byte for byte to {@code copy}. */
    private static void copySessionHash(
            StatefulRedisConnection<byte[], byte[]> bytes, SessionToken token, String copy) {
        String key = "ss:{" + token.tag() + "}:" + token.id().value().substring(2);
        Map<byte[], byte[]> hash = bytes.sync().hgetall(key.getBytes(StandardCharsets.UTF_8));
        if (hash.isEmpty()) {
            throw new IllegalStateException("no session hash at " + key + "; has the key layout changed?");
        }
        bytes.sync().hset(copy.getBytes(StandardCharsets.UTF_8), hash);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        raw.close();
        client.shutdown();
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    public Optional<Session> touch(Cursor c) {
        return store.touch(tokens[c.next(POOL)]);
    }

    @Benchmark
    public Session update(Cursor c) {
        SessionUpdate u = SessionUpdate.builder()
                .set(Workload.ATTRIBUTE_NAMES.get(0), JsonValue.of(Workload.value(c.seq++)))
                .build();
        return store.update(tokens[c.next(POOL)], u);
    }

    @Benchmark
    public CreatedSession create(Cursor c) {
        return store.create(StoreTarget.newSession("jmh-" + c.next(CREATE_USERS), c.seq++));
    }

    @Benchmark
    public Map<String, String> rawHgetall(Cursor c) {
        return raw.sync().hgetall(rawKeys[c.next(POOL)]);
    }
}
