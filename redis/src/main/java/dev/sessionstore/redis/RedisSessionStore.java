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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                Script.READ,
                List.of(keys.session(id)),
                List.of(keys.base(id.tag()), RedisKeys.sid(id), slide ? "1" : "0"));
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
                List.of(keys.base(id.tag()), RedisKeys.sid(old), RedisKeys.sid(id)));
        checkStatus(reply);
        return new CreatedSession(next, SessionCodec.decode(id, reply, 1));
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return revoke(token.id());
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        List<Object> reply =
                scripts.run(Script.REVOKE, List.of(keys.session(id)), List.of(keys.base(id.tag()), RedisKeys.sid(id)));
        return status(reply) == 0 ? Optional.empty() : Optional.of(SessionCodec.decode(id, reply, 1));
    }

    @Override
    public List<Session> listByUser(String userId) {
        policy.limits().checkUserId(userId);
        String tag = SessionToken.tagFor(userId);
        List<Object> rows =
                scripts.run(Script.LIST_USER, List.of(keys.userIndex(tag)), List.of(keys.base(tag), userId));
        return sorted(Map.of(tag, rows));
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        policy.limits().checkUserId(userId);
        String tag = SessionToken.tagFor(userId);
        List<Object> reply = scripts.run(
                Script.REVOKE_ALL,
                List.of(keys.userIndex(tag)),
                List.of(
                        keys.base(tag),
                        userId,
                        keep.filter(id -> id.tag().equals(tag))
                                .map(RedisKeys::sid)
                                .orElse("")));
        return reply.subList(1, reply.size()).stream()
                .map(sid -> RedisKeys.id(tag, (String) sid))
                .toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>An admin-path operation: the sessions of one index value are spread over the 256 shard tags, so
     * this sends one LIST_INDEX script call per tag (256 commands, pipelined on the shared connection
     * without waiting between them), waits for all of them within one command timeout, and merges the
     * replies.
     */
    @Override
    public List<Session> listByIndex(String name, String value) {
        policy.limits().checkIndex(name, value);
        Map<String, CompletableFuture<List<Object>>> replies = new LinkedHashMap<>();
        for (String tag : RedisKeys.TAGS) {
            replies.put(
                    tag,
                    scripts.send(Script.LIST_INDEX, List.of(keys.index(tag, name, value)), List.of(keys.base(tag))));
        }
        scripts.await(CompletableFuture.allOf(replies.values().toArray(CompletableFuture[]::new)));
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        replies.forEach((tag, reply) -> rows.put(tag, reply.join()));
        return sorted(rows);
    }

    /**
     * The number of live sessions. Costs one {@code SCAN} pass over the whole keyspace ({@code SCAN ...
     * MATCH} the session-key pattern {@code TYPE hash COUNT 1000}, about N/1000 round trips for N keys), which never blocks Redis
     * for long; for an admin page, not for the request path. Approximate while sessions come and go (SCAN
     * may return a key twice during a rehash); on a Redis Cluster it walks every master.
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer a step in time
     */
    public long liveSessions() {
        return counter.count();
    }

    /**
     * The {@code SCAN MATCH} pattern of the session hashes of a store with key prefix {@code prefix}; it
     * matches no other key of the store. For tools that walk the sessions (with {@code TYPE hash}).
     */
    public static String sessionKeyPattern(String prefix) {
        return RedisKeys.sessionPattern(new RedisKeys(prefix).prefix());
    }

    /** The session id of a session hash key of a store with key prefix {@code prefix}; empty for other keys. */
    public static Optional<SessionId> sessionIdOfKey(String prefix, String key) {
        String start = prefix + ":{";
        int sidLength = SessionId.LENGTH - 2;
        if (key.length() != start.length() + 4 + sidLength
                || !key.startsWith(start)
                || !key.startsWith("}:", start.length() + 2)) {
            return Optional.empty();
        }
        return SessionId.tryParse(
                key.substring(start.length(), start.length() + 2) + key.substring(key.length() - sidLength));
    }

    @Override
    public void close() {
        connector.close();
    }

    /** The sessions of LIST_USER and LIST_INDEX replies, by tag: one row per session, its sid first. */
    private static List<Session> sorted(Map<String, List<Object>> rowsByTag) {
        List<Session> sessions = new ArrayList<>();
        rowsByTag.forEach((tag, rows) -> {
            for (Object row : rows) {
                List<?> fields = (List<?>) row;
                sessions.add(SessionCodec.decode(RedisKeys.id(tag, String.valueOf(fields.get(0))), fields, 1));
            }
        });
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
