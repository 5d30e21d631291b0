package dev.sessionstore.redis;

import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.RedisLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The session events of a {@link RedisSessionStore} built with {@link RedisSessionStoreBuilder#events(boolean)}:
 * an outbox of 256 Redis Streams, one per shard tag ({@code <prefix>:{<tag>}:e}), each entry written by the same
 * script as its change, so no change is stored without its event and no event without its change.
 *
 * <ul>
 *   <li>{@link #consumer} reads them through a consumer group: at least once, across processes and crashes.
 *   <li>{@link #expireDue()} writes the {@code expired} events: call it about once a second from one process at a
 *       time (the HTTP service runs it as a cluster-wide job); each session gets exactly one, never before its
 *       expiry.
 *   <li>{@link #backlog} is what a group has not yet acknowledged.
 * </ul>
 *
 * Order: the events of one session are in order (a session's changes share its tag's stream); events of different
 * sessions may be read in any order. Thread-safe.
 */
public final class RedisSessionEvents {
    /** Consumer group and consumer names: what Redis accepts, bounded. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** The most timer entries one EXPIRE call handles, bounding the time it holds Redis. */
    static final int EXPIRE_BATCH = 500;

    private final RedisLink link;
    private final RedisCalls calls;
    private final RedisKeys keys;
    private final Outbox outbox;

    RedisSessionEvents(RedisLink link, RedisCalls calls, RedisKeys keys, Outbox outbox) {
        this.link = link;
        this.calls = calls;
        this.keys = keys;
        this.outbox = outbox;
    }

    /**
     * A consumer of {@code group}, creating the group on every tag stream if needed (reading from the oldest
     * retained event). Consumers of one group share its events: each event goes to one of them, and an event a
     * consumer read but did not acknowledge within {@code claimAfter} (it crashed, or its delivery failed) is taken
     * over by the next consumer that polls.
     *
     * @param group the consumer group (letters, digits, {@code _ . : -}, at most 64)
     * @param consumer this consumer's name within the group, stable across restarts of the same process ideally
     * @param claimAfter how long an unacknowledged event stays with its consumer before another may take it
     */
    public SessionEventConsumer consumer(String group, String consumer, Duration claimAfter) {
        checkName("group", group);
        checkName("consumer", consumer);
        Objects.requireNonNull(claimAfter, "claimAfter");
        if (claimAfter.compareTo(Duration.ofMillis(100)) < 0 || claimAfter.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("claimAfter must be between 100 ms and 24 h: " + claimAfter);
        }
        return new SessionEventConsumer(link, calls, keys, group, consumer, claimAfter);
    }

    /**
     * Writes the {@code expired} event of every session whose expiry has passed (by Redis time) and removes what is
     * left of it: one EXPIRE script per tag, sent together, repeated for the tags that had more than {@value
     * #EXPIRE_BATCH} due. Safe to run from several processes at once (each session expires once), but meant for one.
     *
     * @return the number of {@code expired} events written
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer in time
     */
    public int expireDue() {
        int written = 0;
        List<String> tags = RedisKeys.TAGS;
        while (!tags.isEmpty()) {
            List<CompletableFuture<List<Object>>> replies = new ArrayList<>(tags.size());
            for (String tag : tags) {
                replies.add(calls.send(ExpireCall.of(keys, tag, EXPIRE_BATCH, outbox)));
            }
            calls.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
            List<String> more = new ArrayList<>();
            for (int i = 0; i < tags.size(); i++) {
                List<Object> reply = replies.get(i).join();
                written += ((Long) reply.get(1)).intValue();
                if ((Long) reply.get(2) >= EXPIRE_BATCH) {
                    more.add(tags.get(i));
                }
            }
            tags = more;
        }
        return written;
    }

    /**
     * The events {@code group} has not acknowledged: read but pending, plus (on Redis 7) not yet read; 0 for a
     * group that does not exist yet.
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer in time
     */
    public long backlog(String group) {
        checkName("group", group);
        List<CompletableFuture<List<Object>>> infos = new ArrayList<>(RedisKeys.TAGS.size());
        for (String tag : RedisKeys.TAGS) {
            String stream = keys.events(tag);
            infos.add(link.async()
                    .xinfoGroups(stream)
                    .toCompletableFuture()
                    .exceptionally(e -> List.of())); // no stream yet: nothing waits there
        }
        calls.await(CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new)));
        long total = 0;
        for (CompletableFuture<List<Object>> info : infos) {
            total += GroupInfo.backlog(info.join(), group);
        }
        return total;
    }

    static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1 to 64 letters, digits, '_', '.', ':' or '-': " + name);
        }
    }

    /** Reads {@code XINFO GROUPS} replies: flat [name, value, ...] lists, one per group. */
    static final class GroupInfo {
        private GroupInfo() {}

        static long backlog(List<Object> groups, String group) {
            for (Object g : groups) {
                List<?> fields = (List<?>) g;
                if (!group.equals(value(fields, "name"))) {
                    continue;
                }
                long pending = number(value(fields, "pending"));
                long lag = number(value(fields, "lag")); // Redis 7; absent (0) on 6.2
                return pending + lag;
            }
            return 0;
        }

        private static @Nullable Object value(List<?> fields, String name) {
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if (name.equals(String.valueOf(fields.get(i)))) {
                    return fields.get(i + 1);
                }
            }
            return null;
        }

        private static long number(@Nullable Object value) {
            return value instanceof Number n ? n.longValue() : 0;
        }
    }
}
