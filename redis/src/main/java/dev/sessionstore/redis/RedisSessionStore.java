package dev.sessionstore.redis;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SessionStore} in Redis (6.2 or later), through one shared, multiplexed Lettuce connection.
 * Thread-safe. Build one with {@link #builder()}; {@link #close()} releases the connection (and the
 * client, unless it was given).
 *
 * <p>Storage layout (full detail, for readers in other languages: {@code docs/redis-layout.md}). Every
 * key of shard tag {@code t} (the token's two hex digits; for a user's sessions {@link
 * SessionToken#tagFor}) starts with {@code <prefix>:{t}:}, so Redis Cluster keeps a user's sessions and
 * indexes in one slot:
 *
 * <ul>
 *   <li>{@code <prefix>:{t}:s:<id>}: hash, one per session, {@code id} = {@link SessionToken#id()}; fields
 *       {@code u c a i d v}, {@code x.<index>} and {@code @<attribute>} (compact JSON). Its key expires
 *       ({@code PEXPIREAT}) exactly at {@code min(a + i, d)}.
 *   <li>{@code <prefix>:{t}:u:<userId>}: zset of the user's session ids, scored by their expiry.
 *   <li>{@code <prefix>:{t}:x:<name>:<value>}: zset of the ids of tag {@code t} created with that index
 *       value, scored by their expiry.
 * </ul>
 *
 * Each web-path operation is one Lua script call ({@code EVALSHA}): one round trip, atomic, on Redis
 * server time. The scripts drop dead index entries and expire every zset with its highest score, so when
 * every session has expired or been revoked no key is left. Arguments are validated before any Redis
 * call. When Redis is down or does not answer within the command timeout, an operation throws {@link
 * dev.sessionstore.StoreUnavailableException} at once (commands are never queued while disconnected);
 * the connection is re-established in the background.
 */
public final class RedisSessionStore implements SessionStore {
    private final SessionPolicy policy;
    private final RedisKeys keys;
    private final RedisConnector connector;
    private final ScriptRunner scripts;
    private final SessionCounter counter;

    RedisSessionStore(SessionPolicy policy, RedisKeys keys, RedisConnector connector, Duration commandTimeout) {
        this.policy = policy;
        this.keys = keys;
        this.connector = connector;
        this.scripts = new ScriptRunner(connector, commandTimeout);
        this.counter = new SessionCounter(connector, keys, scripts);
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
        List<Object> reply = scripts.run(ScriptCall.create(keys, token, spec, idle, life, policy));
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
        List<Object> reply = scripts.run(
                Script.READ, List.of(keys.session(id)), List.of(keys.base(id.tag()), id.value(), slide ? "1" : "0"));
        return status(reply) == 0 ? Optional.empty() : Optional.of(SessionCodec.decode(id, reply, 1));
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        policy.limits().checkUpdate(update);
        SessionId id = token.id();
        List<Object> reply = scripts.run(ScriptCall.update(keys, id, update, policy));
        if (status(reply) == 2) {
            throw new VersionConflictException(update.expectedVersion().getAsLong(), (Long) reply.get(1));
        }
        checkStatus(reply);
        return SessionCodec.decode(id, reply, 1);
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        SessionToken next = SessionToken.generateWithTag(token.tag());
        SessionId old = token.id();
        SessionId id = next.id();
        List<Object> reply = scripts.run(
                Script.ROTATE,
                List.of(keys.session(old), keys.session(id)),
                List.of(keys.base(id.tag()), old.value(), id.value()));
        checkStatus(reply);
        return new CreatedSession(next, SessionCodec.decode(id, reply, 1));
    }

    @Override
    public boolean revoke(SessionToken token) {
        return revoke(token.id());
    }

    @Override
    public boolean revoke(SessionId id) {
        List<Object> reply =
                scripts.run(Script.REVOKE, List.of(keys.session(id)), List.of(keys.base(id.tag()), id.value()));
        return status(reply) == 1;
    }

    @Override
    public List<Session> listByUser(String userId) {
        policy.limits().checkUserId(userId);
        String tag = SessionToken.tagFor(userId);
        return sorted(List.of(scripts.run(Script.LIST, List.of(keys.user(userId)), List.of(keys.base(tag)))));
    }

    @Override
    public int revokeByUser(String userId, Optional<SessionId> keep) {
        policy.limits().checkUserId(userId);
        String tag = SessionToken.tagFor(userId);
        List<Object> reply = scripts.run(
                Script.REVOKE_ALL,
                List.of(keys.user(userId)),
                List.of(keys.base(tag), keep.map(SessionId::value).orElse("")));
        return Math.toIntExact((Long) reply.get(1));
    }

    /**
     * {@inheritDoc}
     *
     * <p>An admin-path operation: the sessions of one index value are spread over the 256 shard tags, so
     * this sends one LIST script call per tag (256 commands, pipelined on the shared connection
     * without waiting between them), waits for all of them within one command timeout, and merges the
     * replies.
     */
    @Override
    public List<Session> listByIndex(String name, String value) {
        policy.limits().checkIndex(name, value);
        List<CompletableFuture<List<Object>>> replies = RedisKeys.TAGS.stream()
                .map(tag -> scripts.send(Script.LIST, List.of(keys.index(tag, name, value)), List.of(keys.base(tag))))
                .toList();
        scripts.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
        return sorted(replies.stream().map(CompletableFuture::join).toList());
    }

    /**
     * The number of live sessions. Costs one {@code SCAN} pass over the whole keyspace ({@code SCAN ...
     * MATCH <prefix>:{??}:s:* COUNT 1000}, about N/1000 round trips for N keys), which never blocks Redis
     * for long; for an admin page, not for the request path. Approximate while sessions come and go (SCAN
     * may return a key twice during a rehash); counts the one node it is connected to.
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer a step in time
     */
    public long liveSessions() {
        return counter.count();
    }

    @Override
    public void close() {
        connector.close();
    }

    private static List<Session> sorted(List<List<Object>> groups) {
        List<Session> sessions = new ArrayList<>();
        for (List<Object> group : groups) {
            for (Object row : group) {
                List<?> fields = (List<?>) row;
                sessions.add(SessionCodec.decode(new SessionId(String.valueOf(fields.get(0))), fields, 1));
            }
        }
        sessions.sort(Comparator.comparing(Session::createdAt).thenComparing(Session::id));
        return sessions;
    }

    private static long status(List<Object> reply) {
        return (Long) reply.get(0);
    }

    private static void checkStatus(List<Object> reply) {
        long status = status(reply);
        if (status == 0) {
            throw new SessionNotFoundException();
        }
        if (status == 3) {
            throw new LimitExceededException(String.valueOf(reply.get(1)), (Long) reply.get(2), (Long) reply.get(3));
        }
    }
}
