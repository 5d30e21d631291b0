package dev.sessionstore.redis;

import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionEvent.Type;
import dev.sessionstore.SessionId;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.RedisFailure;
import dev.sessionstore.redis.support.RedisLink;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One consumer of a consumer group over a store's event streams ({@link RedisSessionEvents#consumer}). Use it from
 * one thread: {@link #poll} what is there, handle each event, {@link #ack} what was handled; an event not
 * acknowledged within the group's {@code claimAfter} is delivered again, to whichever consumer of the group polls
 * next (this one included). Delivery is therefore at least once: deduplicate by {@link SessionEvent#id()}. Order: the
 * events of one session come from one stream, in order within a batch; an event taken over after a failure may
 * arrive after later ones of its session, so a receiver that cares orders them by the entry part of the id ({@code
 * <ms>-<seq>}, increasing within a stream).
 *
 * <pre>{@code
 * SessionEventConsumer events = store.events().consumer("audit", "host-1", Duration.ofSeconds(30));
 * while (running) {
 *     List<SessionEvent> batch = events.poll(100);
 *     batch.forEach(audit::record);
 *     events.ack(batch);
 *     if (batch.isEmpty()) Thread.sleep(200);
 * }
 * }</pre>
 *
 * The event id is {@code <tag>:<stream entry id>}, for example {@code 3f:1733300000000-0}: the tag names the stream
 * ({@code <prefix>:{3f}:e}). Polls never block in Redis; on a standalone Redis one poll is one {@code XREADGROUP}
 * per {@value #CHUNK} streams, on a Redis Cluster one per stream, sent together.
 */
public final class SessionEventConsumer {
    private final RedisLink link;
    private final RedisCalls calls;
    private final RedisKeys keys;
    private final Consumer<String> consumer;
    private final String group;
    private final Duration claimAfter;
    /** Streams read per command (standalone) or per batch of commands (cluster). */
    static final int CHUNK = 32;

    private final Map<String, String> streamTags = new LinkedHashMap<>();
    private final List<String> streams;
    private boolean groupsReady;
    private int readCursor;
    private int claimCursor;
    private long nextClaimNanos = System.nanoTime();

    SessionEventConsumer(
            RedisLink link, RedisCalls calls, RedisKeys keys, String group, String consumer, Duration claimAfter) {
        this.link = link;
        this.calls = calls;
        this.keys = keys;
        this.group = group;
        this.consumer = Consumer.from(group, consumer);
        this.claimAfter = claimAfter;
        RedisKeys.TAGS.forEach(tag -> streamTags.put(keys.events(tag), tag));
        this.streams = List.copyOf(streamTags.keySet());
    }

    /**
     * The events waiting for this consumer, about {@code max} at most (a little more when streams hold fewer than
     * their share): first those of dead or slow consumers whose {@code claimAfter} has passed (looked for at most
     * every half {@code claimAfter}), then new ones. The 256 streams are read {@value #CHUNK} at a time, starting
     * where the previous poll stopped, so a busy stream does not starve the others and consumers of one group share
     * the work. Returns at once, possibly empty. Handle and {@link #ack} a batch well within {@code claimAfter}, or
     * other consumers take its events over.
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer in time
     */
    public List<SessionEvent> poll(int max) {
        if (max < 1 || max > 10_000) {
            throw new IllegalArgumentException("max must be between 1 and 10000: " + max);
        }
        ensureGroups();
        List<SessionEvent> out = new ArrayList<>();
        int perStream = Math.max(1, max / CHUNK);
        try {
            if (System.nanoTime() - nextClaimNanos >= 0) {
                nextClaimNanos = System.nanoTime() + claimAfter.toNanos() / 2;
                for (int c = 0; c < streams.size() / CHUNK && out.size() < max; c++) {
                    claimStale(chunk(claimCursor++), perStream, out);
                }
            }
            for (int c = 0; c < streams.size() / CHUNK && out.size() < max; c++) {
                readNew(chunk(readCursor++), perStream, out);
            }
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                groupsReady = false; // a stream was deleted (FLUSHALL, DEL): made again on the next poll
            }
            throw e;
        }
        return out;
    }

    /** The streams of chunk {@code n} (modulo the number of chunks). */
    private List<String> chunk(int n) {
        int from = Math.floorMod(n, streams.size() / CHUNK) * CHUNK;
        return streams.subList(from, from + CHUNK);
    }

    /**
     * Acknowledges handled events: they leave the group's pending list and are never delivered to it again.
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer in time
     */
    public void ack(Collection<SessionEvent> events) {
        Map<String, List<String>> byStream = new LinkedHashMap<>();
        for (SessionEvent e : events) {
            int colon = e.id().indexOf(':');
            if (colon != 2) {
                throw new IllegalArgumentException("not an event id of this store: " + e.id());
            }
            byStream.computeIfAbsent(keys.events(e.id().substring(0, 2)), k -> new ArrayList<>())
                    .add(e.id().substring(3));
        }
        ackIds(byStream);
    }

    private void ackIds(Map<String, List<String>> byStream) {
        if (byStream.isEmpty()) {
            return;
        }
        RedisClusterAsyncCommands<String, String> redis = link.async();
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        byStream.forEach((stream, ids) -> replies.add(
                redis.xack(stream, group, ids.toArray(String[]::new)).toCompletableFuture()));
        calls.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
    }

    private void ensureGroups() {
        if (groupsReady) {
            return;
        }
        RedisClusterAsyncCommands<String, String> redis = link.async();
        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (String stream : streamTags.keySet()) {
            replies.add(redis.xgroupCreate(StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream())
                    .toCompletableFuture()
                    .exceptionallyCompose(e -> RedisFailure.unwrap(e) instanceof RedisBusyException
                            ? CompletableFuture.completedFuture("exists") // BUSYGROUP: made earlier
                            : CompletableFuture.failedFuture(RedisFailure.unwrap(e))));
        }
        calls.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
        groupsReady = true;
    }

    private void claimStale(List<String> chunk, int perStream, List<SessionEvent> out) {
        RedisClusterAsyncCommands<String, String> redis = link.async();
        List<CompletableFuture<ClaimedMessages<String, String>>> replies = new ArrayList<>();
        for (String stream : chunk) {
            XAutoClaimArgs<String> args = new XAutoClaimArgs<String>()
                    .consumer(consumer)
                    .minIdleTime(claimAfter)
                    .startId("0-0")
                    .count(perStream);
            replies.add(redis.xautoclaim(stream, args).toCompletableFuture());
        }
        calls.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
        Map<String, List<String>> unreadable = new LinkedHashMap<>();
        for (var reply : replies) {
            decode(reply.join().getMessages(), out, unreadable);
        }
        ackIds(unreadable);
    }

    private void readNew(List<String> chunk, int perStream, List<SessionEvent> out) {
        RedisClusterAsyncCommands<String, String> redis = link.async();
        XReadArgs count = XReadArgs.Builder.count(perStream);
        List<CompletableFuture<List<StreamMessage<String, String>>>> replies = new ArrayList<>();
        if (link.settings().cluster()) {
            for (String stream : chunk) {
                replies.add(redis.xreadgroup(consumer, count, StreamOffset.lastConsumed(stream))
                        .toCompletableFuture());
            }
        } else {
            @SuppressWarnings("unchecked")
            StreamOffset<String>[] all =
                    chunk.stream().map(StreamOffset::lastConsumed).toArray(StreamOffset[]::new);
            replies.add(redis.xreadgroup(consumer, count, all).toCompletableFuture());
        }
        calls.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
        Map<String, List<String>> unreadable = new LinkedHashMap<>();
        for (var reply : replies) {
            decode(reply.join(), out, unreadable);
        }
        ackIds(unreadable);
    }

    /**
     * Decodes entries into events; an entry this version cannot read (trimmed while pending, or written by a newer
     * version with a type it does not know) is acknowledged instead, so it does not come back forever.
     */
    private void decode(
            List<StreamMessage<String, String>> messages,
            List<SessionEvent> out,
            Map<String, List<String>> unreadable) {
        for (StreamMessage<String, String> m : messages) {
            String tag = streamTags.get(m.getStream());
            Optional<SessionEvent> event =
                    tag == null ? Optional.empty() : EventEntry.decode(tag, m.getId(), m.getBody());
            if (event.isPresent()) {
                out.add(event.get());
            } else if (tag != null) {
                unreadable
                        .computeIfAbsent(m.getStream(), k -> new ArrayList<>())
                        .add(m.getId());
            }
        }
    }

    /** The fields of a stream entry, as the scripts write them (docs/redis-layout.md, "Session events"). */
    static final class EventEntry {
        private EventEntry() {}

        static Optional<SessionEvent> decode(String tag, String entryId, Map<String, String> body) {
            if (body == null) {
                return Optional.empty();
            }
            Optional<Type> type = Type.ofWireName(String.valueOf(body.get("type")));
            Optional<SessionId> session =
                    Optional.ofNullable(body.get("session")).flatMap(SessionId::tryParse);
            String time = body.get("time");
            if (type.isEmpty() || session.isEmpty() || time == null) {
                return Optional.empty();
            }
            long millis;
            try {
                millis = Long.parseLong(time);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            String attributes = body.get("attributes");
            return Optional.of(new SessionEvent(
                    tag + ":" + entryId,
                    type.get(),
                    session.get(),
                    Optional.ofNullable(body.get("previous")).flatMap(SessionId::tryParse),
                    Optional.ofNullable(body.get("user")),
                    Instant.ofEpochMilli(millis),
                    attributes == null || attributes.isEmpty() ? List.of() : List.of(attributes.split("\n", -1))));
        }
    }
}
