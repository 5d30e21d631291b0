package dev.sessionstore.memory;

import dev.sessionstore.SessionId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key (a user id, an index value) to the ids of the sessions under it. Every change runs inside the
 * map's compute so an empty set is dropped without losing a concurrent add. Thread-safe.
 *
 * @param <K> the key type
 */
final class Postings<K> {
    private final ConcurrentHashMap<K, Set<SessionId>> map = new ConcurrentHashMap<>();

    void add(K key, SessionId id) {
        map.compute(key, (k, ids) -> {
            Set<SessionId> set = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            set.add(id);
            return set;
        });
    }

    void remove(K key, SessionId id) {
        map.computeIfPresent(key, (k, ids) -> {
            ids.remove(id);
            return ids.isEmpty() ? null : ids;
        });
    }

    /** A snapshot of the ids under {@code key}; may include sessions that are no longer live. */
    List<SessionId> get(K key) {
        Set<SessionId> ids = map.get(key);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    int keys() {
        return map.size();
    }

    int entries() {
        return map.values().stream().mapToInt(Set::size).sum();
    }
}
