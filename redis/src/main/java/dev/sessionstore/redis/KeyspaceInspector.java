package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.RedisLink;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** {@link StoreInspection} over the store's connection: SCAN walks, each step awaited within the command timeout. */
final class KeyspaceInspector implements StoreInspection {
    private static final long SCAN_STEP = 1000;
    private static final long MEMORY_SCAN_STEP = 500;

    private final RedisLink link;
    private final RedisCalls calls;
    private final RedisKeys keys;

    KeyspaceInspector(RedisLink link, RedisCalls calls, RedisKeys keys) {
        this.link = link;
        this.calls = calls;
        this.keys = keys;
    }

    @Override
    public long liveSessions() {
        AtomicLong count = new AtomicLong();
        KeyScanArgs args = sessionScan();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            StreamScanCursor next = calls.call(c -> c.scan(key -> count.incrementAndGet(), from, args));
            cursor = next;
        } while (!cursor.isFinished());
        return count.get();
    }

    @Override
    public List<SessionExpiry> sessions(int limit) {
        positive("limit", limit);
        List<SessionExpiry> out = new ArrayList<>();
        KeyScanArgs args = sessionScan();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = calls.call(c -> c.scan(from, args));
            readExpiries(page.getKeys(), out, limit);
            cursor = page;
        } while (!cursor.isFinished() && out.size() < limit);
        return out;
    }

    /** Adds the sessions of {@code page} that still have a TTL, up to {@code limit} in all. */
    private void readExpiries(List<String> page, List<SessionExpiry> out, int limit) {
        RedisClusterAsyncCommands<String, String> async = link.async();
        RedisFuture<List<String>> time = async.time();
        List<RedisFuture<String>> users = new ArrayList<>(page.size());
        List<RedisFuture<Long>> ttls = new ArrayList<>(page.size());
        for (String key : page) {
            users.add(async.hget(key, "u"));
            ttls.add(async.pttl(key));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(2 * page.size() + 1);
        all.add(time.toCompletableFuture());
        users.forEach(f -> all.add(f.toCompletableFuture()));
        ttls.forEach(f -> all.add(f.toCompletableFuture()));
        calls.await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        List<String> now = time.toCompletableFuture().join();
        long nowMillis = Long.parseLong(now.get(0)) * 1000 + Long.parseLong(now.get(1)) / 1000;
        for (int k = 0; k < page.size() && out.size() < limit; k++) {
            long ttl = ttls.get(k).toCompletableFuture().join();
            Optional<SessionId> id = keys.sessionId(page.get(k));
            if (ttl >= 0 && id.isPresent()) {
                Optional<String> user =
                        Optional.ofNullable(users.get(k).toCompletableFuture().join());
                out.add(new SessionExpiry(id.get(), user, Instant.ofEpochMilli(nowMillis + ttl)));
            }
        }
    }

    @Override
    public OptionalLong bytesPerSession(int sampleKeys) {
        positive("sampleKeys", sampleKeys);
        long bytes = 0;
        long sessions = 0;
        int seen = 0;
        ScanArgs args = ScanArgs.Builder.matches(keys.allKeysPattern()).limit(MEMORY_SCAN_STEP);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = calls.call(c -> c.scan(from, args));
            RedisClusterAsyncCommands<String, String> async = link.async();
            List<CompletableFuture<Long>> usages = page.getKeys().stream()
                    .map(key -> async.memoryUsage(key).toCompletableFuture())
                    .toList();
            calls.await(CompletableFuture.allOf(usages.toArray(CompletableFuture[]::new)));
            for (int k = 0; k < usages.size(); k++) {
                Long usage = usages.get(k).join();
                // the event streams are a bounded outbox, not a cost of each session: left out
                boolean outbox = keys.isEventStream(page.getKeys().get(k));
                bytes += usage == null || outbox ? 0 : usage;
                sessions += keys.sessionId(page.getKeys().get(k)).isPresent() ? 1 : 0;
            }
            seen += usages.size();
            cursor = page;
        } while (!cursor.isFinished() && seen < sampleKeys);
        return sessions == 0 ? OptionalLong.empty() : OptionalLong.of(bytes / sessions);
    }

    private KeyScanArgs sessionScan() {
        return KeyScanArgs.Builder.type("hash").match(keys.sessionPattern()).limit(SCAN_STEP);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
