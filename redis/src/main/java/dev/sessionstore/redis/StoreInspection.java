package dev.sessionstore.redis;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a {@link RedisSessionStore} tells about its keyspace, for admin pages and upkeep jobs that must not know
 * the key layout. Every method walks the keyspace with {@code SCAN} (one round trip per step of about a
 * thousand keys, each a short step for Redis, never {@code KEYS}), so it costs about N/1000 round trips for N
 * keys: for an admin page or a periodic job, not for the request path. The results are approximate while
 * sessions come and go (SCAN may return a key twice during a rehash). On a Redis Cluster each walk covers every
 * master. Thread-safe.
 */
public interface StoreInspection {
    /**
     * The number of session hashes ({@code SCAN MATCH <session-key pattern> TYPE hash COUNT 1000}).
     *
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer a step in time
     */
    long liveSessions();

    /**
     * Up to {@code limit} session hashes with their user and expiry: per step of the walk, one pipelined {@code
     * HGET <key> u} and {@code PTTL <key>} per key found, and {@code TIME}.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer a step in time
     */
    List<SessionExpiry> sessions(int limit);

    /**
     * Bytes per session: {@code MEMORY USAGE} of the store's keys (session hashes, the user and value index zsets
     * and, with events on, the timer zsets; not the event streams, a bounded outbox; pipelined per step) divided by
     * the number of session hashes among them. Walks at most about {@code
     * sampleKeys} keys; beyond that the sample stands for the whole. Empty when the sample holds no session.
     *
     * @throws IllegalArgumentException if {@code sampleKeys} is not positive
     * @throws dev.sessionstore.StoreUnavailableException if Redis does not answer a step in time
     * @throws dev.sessionstore.SessionStoreException if Redis refuses {@code MEMORY USAGE} (an ACL or a renamed
     *     command)
     */
    OptionalLong bytesPerSession(int sampleKeys);
}
