package dev.sessionstore.memory;

import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The maps of {@link InMemorySessionStore}: sessions by id, the ids by user and by index value, and the
 * expiry queue. The sessions map is the truth; the others are kept in step after each change and may
 * briefly name a session that is gone, which readers skip. Thread-safe.
 */
final class Catalog {
    record IndexKey(String name, String value) {}

    /** Counts of what is held, for tests of reclamation. */
    record Footprint(int sessions, int users, int userEntries, int indexValues, int indexEntries, int expiryMarks) {}

    private final ConcurrentHashMap<SessionId, Entry> sessions = new ConcurrentHashMap<>();
    private final Postings<String> byUser = new Postings<>();
    private final Postings<IndexKey> byIndex = new Postings<>();
    private final ExpiryQueue expiries = new ExpiryQueue();

    void insert(Entry entry) {
        Session s = entry.session();
        sessions.put(s.id(), entry);
        s.userId().ifPresent(user -> byUser.add(user, s.id()));
        s.indexes().forEach((name, value) -> byIndex.add(new IndexKey(name, value), s.id()));
        expiries.add(entry.markAt(), s.id());
    }

    /** Removes the session, live or expired, in one atomic step; returns what was there. */
    Optional<Entry> remove(SessionId id) {
        Optional<Entry> removed = Optional.ofNullable(sessions.remove(id));
        removed.ifPresent(this::unlink);
        return removed;
    }

    Optional<Entry> getLive(SessionId id, Instant now) {
        return Optional.ofNullable(sessions.get(id)).filter(e -> e.liveAt(now));
    }

    /**
     * Replaces a live session with {@code change} of it, atomically; an expired one is removed instead.
     * Returns the new entry, or empty if the session is gone. Exceptions of {@code change} leave it as it was.
     */
    Optional<Entry> computeLive(SessionId id, Instant now, UnaryOperator<Entry> change) {
        Entry[] expired = {null};
        Entry result = sessions.computeIfPresent(id, (k, current) -> {
            if (!current.liveAt(now)) {
                expired[0] = current;
                return null;
            }
            return change.apply(current);
        });
        if (expired[0] != null) {
            unlink(expired[0]);
        }
        return Optional.ofNullable(result);
    }

    List<SessionId> userIds(String user) {
        return byUser.get(user);
    }

    List<SessionId> indexIds(String name, String value) {
        return byIndex.get(new IndexKey(name, value));
    }

    /**
     * Handles at most {@code max} due expiry marks: removes sessions that have expired and moves the mark
     * of a session touched since to its new expiry. Returns how many sessions were removed.
     */
    int sweep(Instant now, int max) {
        int removed = 0;
        for (int i = 0; i < max; i++) {
            Optional<ExpiryQueue.Mark> due = expiries.pollDue(now);
            if (due.isEmpty()) {
                break;
            }
            if (reclaim(due.get(), now)) {
                removed++;
            }
        }
        return removed;
    }

    private boolean reclaim(ExpiryQueue.Mark mark, Instant now) {
        Entry[] expired = {null};
        sessions.computeIfPresent(mark.id(), (id, current) -> {
            if (!current.markAt().equals(mark.at())) {
                return current;
            }
            if (current.liveAt(now)) {
                Entry remarked = Entry.of(current.session());
                expiries.add(remarked.markAt(), id);
                return remarked;
            }
            expired[0] = current;
            return null;
        });
        if (expired[0] != null) {
            unlink(expired[0]);
        }
        return expired[0] != null;
    }

    private void unlink(Entry entry) {
        Session s = entry.session();
        s.userId().ifPresent(user -> byUser.remove(user, s.id()));
        s.indexes().forEach((name, value) -> byIndex.remove(new IndexKey(name, value), s.id()));
        expiries.remove(entry.markAt(), s.id());
    }

    Footprint footprint() {
        return new Footprint(
                sessions.size(), byUser.keys(), byUser.entries(), byIndex.keys(), byIndex.entries(), expiries.size());
    }
}
