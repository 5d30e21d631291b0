package dev.sessionstore.server.jobs;

import dev.sessionstore.SessionId;
import dev.sessionstore.coordination.JobContext;
import dev.sessionstore.redis.SessionExpiry;
import dev.sessionstore.redis.StoreInspection;
import dev.sessionstore.server.webhooks.SessionEvent;
import dev.sessionstore.server.webhooks.SessionEvent.Type;
import dev.sessionstore.server.webhooks.SessionEventSink;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upkeep job that detects expired sessions. Redis expires session hashes by TTL without telling anyone, so
 * each run asks the store for its live sessions and their expiries ({@link StoreInspection#sessions}: a {@code SCAN}
 * walk of the session hashes, the store alone knows their keys) and compares them with the previous run's snapshot,
 * kept in the hash {@code <own prefix>:{expiry}:snapshot} (field: session id, value: {@code <expiry ms>|<userId>}). A
 * session of the snapshot that is gone now is reported {@code expired} if its recorded expiry has passed (Redis
 * time), and is otherwise taken as revoked or rotated (those events come from the request path). The new snapshot is
 * written to a temporary key and {@code RENAME}d over the old one after the run's lease is checked.
 *
 * <p>Limits (by design): a session created and expired between two runs is never seen; a session touched after a
 * run and revoked after its recorded expiry is wrongly reported expired; at most {@link #MAX_TRACKED} sessions are
 * tracked per run (beyond that, sessions not tracked get no expired event). On a Redis Cluster the walk covers every
 * master.
 */
public final class ExpiryScan {
    static final int MAX_TRACKED = 100_000;

    private final OwnRedis connection;
    private final StoreInspection store;
    private final String snapshotKey;
    private final SessionEventSink sink;
    private final Clock clock;

    /**
     * @param connection the server's own connection, for the snapshot
     * @param store the store whose sessions are watched
     * @param ownPrefix the prefix of the server's own keys
     */
    public ExpiryScan(
            OwnRedis connection, StoreInspection store, String ownPrefix, SessionEventSink sink, Clock clock) {
        this.connection = connection;
        this.store = store;
        // one hash tag for the snapshot and its temporary key: RENAME needs one slot in a Redis Cluster
        this.snapshotKey = ownPrefix + ":{expiry}:snapshot";
        this.sink = sink;
        this.clock = clock;
    }

    /** One run: publishes the expired events found and returns how many. */
    public int run(JobContext ctx) {
        RedisClusterCommands<String, String> redis = connection.sync();
        Map<String, String> current = currentSessions();
        Map<String, String> previous = redis.hgetall(snapshotKey);
        long now = redisNowMillis(redis);
        List<SessionEvent> expired = new ArrayList<>();
        previous.forEach((id, value) -> {
            if (!current.containsKey(id)) {
                expiredEvent(id, value, now).ifPresent(expired::add);
            }
        });
        ctx.lease().check();
        writeSnapshot(redis, current);
        expired.forEach(sink::publish);
        return expired.size();
    }

    private Optional<SessionEvent> expiredEvent(String id, String value, long now) {
        int bar = value.indexOf('|');
        Optional<SessionId> sid = SessionId.tryParse(id);
        if (bar < 1 || sid.isEmpty()) {
            return Optional.empty();
        }
        long expiry = Long.parseLong(value.substring(0, bar));
        String user = value.substring(bar + 1);
        if (expiry > now) {
            return Optional.empty();
        }
        return Optional.of(SessionEvent.of(
                Type.EXPIRED, sid.get(), user.isEmpty() ? Optional.empty() : Optional.of(user), clock.instant()));
    }

    /** Session id → {@code <expiry ms>|<userId>} for the live session hashes, at most {@link #MAX_TRACKED}. */
    private Map<String, String> currentSessions() {
        Map<String, String> out = new HashMap<>();
        for (SessionExpiry s : store.sessions(MAX_TRACKED)) {
            out.put(
                    s.id().value(),
                    s.expiresAt().toEpochMilli() + "|" + s.userId().orElse(""));
        }
        return out;
    }

    private void writeSnapshot(RedisClusterCommands<String, String> redis, Map<String, String> current) {
        String tmp = snapshotKey + ":tmp";
        redis.del(tmp);
        if (current.isEmpty()) {
            redis.del(snapshotKey);
            return;
        }
        Map<String, String> chunk = new HashMap<>();
        for (var e : current.entrySet()) {
            chunk.put(e.getKey(), e.getValue());
            if (chunk.size() == 1000) {
                redis.hset(tmp, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            redis.hset(tmp, chunk);
        }
        redis.rename(tmp, snapshotKey);
    }

    static long redisNowMillis(RedisClusterCommands<String, String> redis) {
        List<String> time = redis.time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }
}
