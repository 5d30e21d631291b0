package dev.sessionstore.bench;

import static dev.sessionstore.bench.PagingCommand.INDEX;
import static dev.sessionstore.bench.PagingCommand.VALUE;

import dev.sessionstore.PageRequest;
import dev.sessionstore.SessionPage;
import dev.sessionstore.bench.PagingCommand.Mode;
import dev.sessionstore.redis.RedisSessionStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The walker of {@link PagingCommand}'s phases: walks the big index in a {@link Mode}'s way. */
final class IndexWalker {
    /** The listing before paging: LIST_INDEX loaded the whole zset of the tag, each session with HGETALL. */
    private static final String OLD_LIST_INDEX = """
            local out = {}
            for _, sid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local h = redis.call('HGETALL', ARGV[1] .. sid)
              if #h > 0 then out[#out + 1] = {sid, h} end
            end
            return out
            """;

    /**
     * The stores a phase uses: the touches' one and a second one (own connection) on the same client resources, both
     * with unpaced listings, and a third one at the default index listing pace.
     */
    record Stores(RedisSessionStore store, RedisSessionStore lister, RedisSessionStore paced, Duration pause) {}

    private IndexWalker() {}

    /**
     * Walks the whole index again and again in the mode's way until told to stop: {whole walks, sessions read, pages
     * of the whole walks}.
     */
    static long[] walk(Stores stores, Backends b, Mode mode, AtomicBoolean stop) throws InterruptedException {
        long walks = 0;
        long pages = 0;
        long[] sessions = {0};
        while (!stop.get() && mode.walks()) {
            long p = switch (mode) {
                case PAGED_100 -> paged(stores.store(), 100, Duration.ZERO, sessions, stop);
                case PAGED_100_OWN -> paged(stores.lister(), 100, Duration.ZERO, sessions, stop);
                case PAGED_100_PACED -> paged(stores.store(), 100, stores.pause(), sessions, stop);
                case PAGED_10_PACED -> paged(stores.store(), 10, stores.pause().dividedBy(10), sessions, stop);
                case PAGED_1000 -> paged(stores.store(), 1000, Duration.ZERO, sessions, stop);
                case PAGED_100_STORE_PACED -> paged(stores.paced(), 100, Duration.ZERO, sessions, stop);
                case PAGED_1000_STORE_PACED -> paged(stores.paced(), 1000, Duration.ZERO, sessions, stop);
                case UNPAGED_OLD -> unpagedAsBefore(b, sessions);
                case ALONE, ALONE_AGAIN -> 0;
            };
            if (!stop.get()) { // only whole walks count
                walks++;
                pages += p;
            }
        }
        return new long[] {walks, sessions[0], pages};
    }

    private static long paged(RedisSessionStore store, int limit, Duration pause, long[] sessions, AtomicBoolean stop)
            throws InterruptedException {
        long pages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            SessionPage page = store.listByIndex(INDEX, VALUE, new PageRequest(limit, cursor));
            sessions[0] += page.sessions().size();
            cursor = page.nextCursor();
            pages++;
            if (!pause.isZero()) {
                Thread.sleep(pause);
            }
        } while (cursor.isPresent() && !stop.get());
        return pages;
    }

    /** The 256 calls of the listing before paging, one at a time (it pipelined them; the Redis work is the same). */
    private static long unpagedAsBefore(Backends b, long[] sessions) {
        var redis = b.redis().sync();
        for (int t = 0; t < 256; t++) {
            String base = "ss:{%02x}:".formatted(t);
            List<Object> rows = redis.eval(
                    OLD_LIST_INDEX, ScriptOutputType.MULTI, new String[] {base + "x:" + INDEX + ":" + VALUE}, base);
            sessions[0] += rows.size();
        }
        return 256;
    }
}
