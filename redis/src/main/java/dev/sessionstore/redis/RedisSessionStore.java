package dev.sessionstore.redis;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionStoreException;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.RedisLink;
import dev.sessionstore.redis.support.ReplicaAcknowledgement;
import dev.sessionstore.redis.support.ScriptCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SessionStore} in Redis (6.2 or later), through one shared, multiplexed Lettuce connection.
 * Thread-safe. Build one with {@link #builder()}; {@link #close()} releases the connection (and the
 * client, and the Lettuce client resources unless they were given to the builder).
 *
 * <p>Storage layout (full detail, for readers in other languages: {@code docs/redis-layout.md}). Every
 * key of shard tag {@code t} (the token's two hex digits; for a user's sessions {@link
 * SessionToken#tagFor}) starts with {@code <prefix>:{t}:}, so Redis Cluster keeps a user's sessions and
 * indexes in one slot:
 *
 * <ul>
 *   <li>{@code <prefix>:{t}:<sid>}: hash, one per session, {@code sid} = {@link SessionToken#id()} without
 *       its tag; fields {@code m} (created, last access, idle, deadline and version packed in 27 bytes),
 *       {@code u}, {@code x.<index>} and {@code @<attribute>} (compact JSON). Its key expires ({@code
 *       PEXPIREAT}) exactly at {@code min(a + i, d)}.
 *   <li>{@code <prefix>:{t}:u:<n>}: the user index of the tag, a linear hash of bucket zsets shared by
 *       the tag's users (state in the hash {@code <prefix>:{t}:u}); member: user digest + sid; score:
 *       an upper bound of the session's expiry.
 *   <li>{@code <prefix>:{t}:x:<name>:<value>}: zset of the sids of tag {@code t} created with that index
 *       value, scored likewise.
 * </ul>
 *
 * Each web-path operation is one Lua script call ({@code FCALL} of the store's function library on Redis 7 and
 * later, standalone or Sentinel; {@code EVALSHA} before 7, on a cluster, or for an ACL user without {@code fcall}):
 * one round trip, atomic, on Redis server time. The scripts drop dead index entries and expire every zset with its highest score, so when
 * every session has expired or been revoked no key is left. Arguments are validated before any Redis
 * call. When Redis is down or does not answer within the command timeout, an operation throws {@link
 * dev.sessionstore.StoreUnavailableException} at once (commands are never queued while disconnected);
 * the connection is re-established in the background. Redis errors that mean "not now" ({@code LOADING},
 * {@code BUSY}, {@code CLUSTERDOWN}, {@code TRYAGAIN}, {@code MASTERDOWN}, {@code READONLY}, ...: {@link
 * dev.sessionstore.redis.support.RedisFailure}) are reported as unavailable too; any other error reply as a
 * {@link dev.sessionstore.SessionStoreException}. Built with {@link
 * RedisSessionStoreBuilder#replicaAcknowledgement}, each write (create, update, rotate, revoke, revoke by user)
 * is followed by {@code WAIT} on the connection that carried it and is reported as unavailable when too few replicas
 * acknowledge it in time.
 */
public final class RedisSessionStore implements SessionStore {
    private static final Comparator<Session> OLDEST_FIRST =
            Comparator.comparing(Session::createdAt).thenComparing(Session::id);
    private final SessionPolicy policy;
    private final RedisKeys keys;
    private final RedisLink link;
    private final RedisCalls scripts;
    private final KeyspaceInspector inspector;
    private final RedisListings listings;
    private final Outbox outbox;
    private final Optional<ReplicaAcknowledgement> ack;
    private final ListingPace pace;

    RedisSessionStore(
            SessionPolicy policy,
            RedisKeys keys,
            RedisLink link,
            Outbox outbox,
            Optional<ReplicaAcknowledgement> ack,
            ListingPace pace) {
        this.policy = policy;
        this.keys = keys;
        this.link = link;
        this.outbox = outbox;
        this.ack = ack;
        this.scripts = new RedisCalls(link);
        this.inspector = new KeyspaceInspector(link, scripts, keys);
        this.pace = pace;
        this.listings = new RedisListings(scripts, keys, pace);
    }

    /** A builder; {@link RedisSessionStoreBuilder#redisUri(String)} is required. */
    public static RedisSessionStoreBuilder builder() {
        return new RedisSessionStoreBuilder();
    }

    @Override
    public CreatedSession create(NewSession spec) {
        policy.limits().checkNew(spec);
        Duration idle = policy.timeouts().idleFor(spec.idleTimeout());
        Duration life = policy.timeouts().absoluteFor(spec.absoluteTimeout());
        SessionToken token = spec.userId().map(SessionToken::generate).orElseGet(SessionToken::generateAnonymous);
        SessionId id = token.id();
        List<Object> reply = write(CreateCall.of(keys, token, spec, idle, life, policy, outbox));
        checkStatus(reply);
        long now = (Long) reply.get(1);
        return new CreatedSession(token, SessionCodec.created(id, spec, now, idle, life));
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        return read(token, true);
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return read(token, false);
    }

    private Optional<Session> read(SessionToken token, boolean slide) {
        SessionId id = token.id();
        List<Object> reply = scripts.run(ReadCall.of(keys, id, slide, outbox));
        return found(id, reply);
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        policy.limits().checkUpdate(update);
        SessionId id = token.id();
        List<Object> reply = write(UpdateCall.of(keys, id, update, policy, outbox));
        if (ReplyStatus.of(reply.get(0)) == ReplyStatus.VERSION_CONFLICT) {
            throw new VersionConflictException(update.expectedVersion().getAsLong(), (Long) reply.get(1));
        }
        checkStatus(reply);
        return SessionCodec.decode(id, reply, 1);
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        SessionToken next = SessionToken.generateWithTag(token.tag());
        SessionId id = next.id();
        List<Object> reply = write(RotateCall.of(keys, token.id(), id, outbox));
        checkStatus(reply);
        return new CreatedSession(next, SessionCodec.decode(id, reply, 1));
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return revoke(token.id());
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return found(id, write(RevokeCall.of(keys, id, outbox)));
    }

    @Override
    public List<Session> listByUser(String userId) {
        policy.limits().checkUserId(userId);
        List<Object> rows = scripts.run(ListUserCall.of(keys, userId));
        return sorted(Map.of(SessionToken.tagFor(userId), rows));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pages walk the user's bucket of the user index by index score, then member, stepping over the entries of
     * other users of the bucket; each script call reads at most {@code limit + 1} entries.
     */
    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        policy.limits().checkUserId(userId);
        return listings.byUser(userId, page);
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        policy.limits().checkUserId(userId);
        String tag = SessionToken.tagFor(userId);
        List<Object> reply = write(RevokeAllCall.of(keys, userId, keep, outbox));
        return reply.subList(1, reply.size()).stream()
                .map(sid -> RedisKeys.id(tag, (String) sid))
                .toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>An admin-path operation: reads every page of {@link #listByIndex(String, String, PageRequest)} with the
     * largest limit, so no script call does more than a page's work, and merges them, at the store's index listing
     * pace ({@link RedisSessionStoreBuilder#indexListingRate(int)}).
     */
    @Override
    public List<Session> listByIndex(String name, String value) {
        policy.limits().checkIndex(name, value);
        List<Session> sessions = RedisListings.all(page -> listings.byIndex(name, value, page));
        sessions.sort(OLDEST_FIRST);
        return sessions;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pages walk the 256 shard tags in order, and each tag's zset of the value by index score (an upper bound of
     * the session's expiry), then id; each script call reads at most {@code limit + 1} entries and loads at most
     * {@code limit} sessions ({@code docs/redis-layout.md}). A page may be short, even empty, with a next cursor.
     * Pages go at the store's index listing pace ({@link RedisSessionStoreBuilder#indexListingRate(int)}): a walk
     * through a big index waits between rounds of calls rather than take Redis from the web path.
     */
    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        policy.limits().checkIndex(name, value);
        return listings.byIndex(name, value, page);
    }

    /**
     * How many sessions a second this store's index listings may load ({@link
     * RedisSessionStoreBuilder#indexListingRate(int)}); 0: unpaced.
     */
    public int indexListingRate() {
        return pace.rate();
    }

    /**
     * The number of live sessions: {@link StoreInspection#liveSessions()}. For an admin page, not for the
     * request path.
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer a step in time
     */
    public long liveSessions() {
        return inspector.liveSessions();
    }

    /**
     * The store's session events: consumers, the expiry step and the backlog.
     *
     * @throws IllegalStateException if the store was built without {@link RedisSessionStoreBuilder#events(boolean)}
     */
    public RedisSessionEvents events() {
        if (!outbox.on()) {
            throw new IllegalStateException("session events are off: build the store with events(true)");
        }
        return new RedisSessionEvents(link, scripts, keys, outbox);
    }

    /** Walks of this store's keyspace for admin pages and upkeep jobs, which need not know the key layout. */
    public StoreInspection inspection() {
        return inspector;
    }

    @Override
    public void close() {
        link.close();
    }

    /** Runs a writing script, then waits for the replicas' acknowledgement if the store was built to. */
    private List<Object> write(ScriptCall<List<Object>> call) {
        return ack.isPresent() ? scripts.runAcknowledged(call, ack.get()) : scripts.run(call);
    }

    /** The sessions of LIST_USER replies, by tag: one row per session, its sid first. */
    private static List<Session> sorted(Map<String, List<Object>> rowsByTag) {
        List<Session> sessions = new ArrayList<>();
        rowsByTag.forEach((tag, rows) -> {
            for (Object row : rows) {
                List<?> fields = (List<?>) row;
                sessions.add(SessionCodec.decode(RedisKeys.id(tag, String.valueOf(fields.get(0))), fields, 1));
            }
        });
        sessions.sort(OLDEST_FIRST);
        return sessions;
    }

    /** The session of a reply that is {NOT_FOUND} or {OK, session...}. */
    private static Optional<Session> found(SessionId id, List<Object> reply) {
        return ReplyStatus.of(reply.get(0)) == ReplyStatus.NOT_FOUND
                ? Optional.empty()
                : Optional.of(SessionCodec.decode(id, reply, 1));
    }

    private static void checkStatus(List<Object> reply) {
        switch (ReplyStatus.of(reply.get(0))) {
            case NOT_FOUND -> throw new SessionNotFoundException();
            case LIMIT_EXCEEDED ->
                throw new LimitExceededException(
                        ScriptLimit.of(reply.get(1)).setting(), (Long) reply.get(2), (Long) reply.get(3));
            case VERSION_CONFLICT -> throw new SessionStoreException("a session script replied a version conflict");
            case OK -> {}
        }
    }
}
