package dev.sessionstore.redis;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamScanCursor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts session hashes with {@code SCAN ... MATCH <session-key pattern> TYPE hash COUNT 1000}: one round trip
 * per thousand keys of the whole keyspace, each a short step for Redis (never {@code KEYS}).
 */
final class SessionCounter {
    private static final long SCAN_STEP = 1000;

    private final RedisConnector connector;
    private final RedisKeys keys;
    private final ScriptRunner runner;

    SessionCounter(RedisConnector connector, RedisKeys keys, ScriptRunner runner) {
        this.connector = connector;
        this.keys = keys;
        this.runner = runner;
    }

    long count() {
        AtomicLong count = new AtomicLong();
        KeyScanArgs args =
                new KeyScanArgs().match(keys.sessionPattern()).type("hash").limit(SCAN_STEP);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            StreamScanCursor next = runner.await(connector
                    .async()
                    .scan(key -> count.incrementAndGet(), cursor, args)
                    .toCompletableFuture());
            cursor = next;
        } while (!cursor.isFinished());
        return count.get();
    }
}
