package dev.sessionstore.memory;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.PageCursor;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-memory dictionary store: sessions live in this JVM and die with it. Thread-safe; every
 * operation is atomic; time comes from the injected {@link Clock}, with millisecond precision.
 *
 * <p>Layout: a concurrent map from {@link SessionId} (derived from the token's SHA-256; the token itself
 * is never kept) to an immutable {@link Entry}. Single-session changes (touch, update) run inside the
 * map's per-key compute; revocation is one atomic removal. A user's sessions and each index value map to
 * sets of ids ({@link Postings}); changes to a user's membership (create with the cap check, rotate,
 * revoke-by-user, listing) hold one of 64 striped locks chosen by user id. Expired entries are removed
 * when met, and by a sweep of an {@link ExpiryQueue}: a few due entries on every write, all of them on
 * {@link #purgeExpired()}; so memory does not grow with sessions nobody reads again.
 */
public final class InMemorySessionStore implements SessionStore {
    private static final int SWEEP_PER_WRITE = 8;
    private static final String CURSOR_KIND = "memory";
    private static final Comparator<Session> OLDEST_FIRST =
            Comparator.comparing(Session::createdAt).thenComparing(Session::id);

    private final SessionPolicy policy;
    private final Clock clock;
    private final Catalog catalog = new Catalog();
    private final ReentrantLock[] userLocks = new ReentrantLock[64];

    /** A store with the given policy, reading time from {@code clock}. */
    public InMemorySessionStore(SessionPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < userLocks.length; i++) {
            userLocks[i] = new ReentrantLock();
        }
    }

    /** A store with {@link SessionPolicy#defaults()} on the system UTC clock. */
    public InMemorySessionStore() {
        this(SessionPolicy.defaults(), Clock.systemUTC());
    }

    @Override
    public CreatedSession create(NewSession spec) {
        policy.limits().checkNew(spec);
        Duration idle = policy.timeouts().idleFor(spec.idleTimeout());
        Duration absolute = policy.timeouts().absoluteFor(spec.absoluteTimeout());
        Instant now = now();
        SessionToken token = spec.userId().map(SessionToken::generate).orElseGet(SessionToken::generateAnonymous);
        Session session = new Session(
                token.id(), spec.userId(), now, now, idle, now.plus(absolute), 1, spec.attributes(), spec.indexes());
        session.userId()
                .ifPresentOrElse(
                        user -> withUserLock(user, () -> insertWithinCap(user, session, now)),
                        () -> catalog.insert(Entry.of(session)));
        sweep(now, SWEEP_PER_WRITE);
        return new CreatedSession(token, session);
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        Instant now = now();
        return catalog.computeLive(token.id(), now, e -> e.touched(now)).map(Entry::session);
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return catalog.getLive(token.id(), now()).map(Entry::session);
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        SessionLimits limits = policy.limits();
        limits.checkUpdate(update);
        Instant now = now();
        Optional<Entry> updated = catalog.computeLive(token.id(), now, e -> {
            long version = e.session().version();
            update.expectedVersion().ifPresent(expected -> {
                if (expected != version) {
                    throw new VersionConflictException(expected, version);
                }
            });
            return e.withAttributes(Entry.merge(e.session().attributes(), update.changes(), limits));
        });
        sweep(now, SWEEP_PER_WRITE);
        return updated.orElseThrow(SessionNotFoundException::new).session();
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        Instant now = now();
        Entry current = catalog.getLive(token.id(), now).orElseThrow(SessionNotFoundException::new);
        SessionToken next = SessionToken.generateWithTag(token.tag());
        Supplier<Entry> swap = () -> {
            Entry old =
                    catalog.remove(token.id()).filter(e -> e.liveAt(now)).orElseThrow(SessionNotFoundException::new);
            Entry rotated = old.rotatedTo(next.id());
            catalog.insert(rotated);
            return rotated;
        };
        Entry rotated =
                current.session().userId().map(user -> withUserLock(user, swap)).orElseGet(swap);
        sweep(now, SWEEP_PER_WRITE);
        return new CreatedSession(next, rotated.session());
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return revoke(token.id());
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        Instant now = now();
        Optional<Session> revoked =
                catalog.remove(id).filter(e -> e.liveAt(now)).map(Entry::session);
        sweep(now, SWEEP_PER_WRITE);
        return revoked;
    }

    @Override
    public List<Session> listByUser(String userId) {
        policy.limits().checkUserId(userId);
        Instant now = now();
        return withUserLock(userId, () -> live(catalog.userIds(userId), now));
    }

    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        policy.limits().checkUserId(userId);
        return page(catalog.userIds(userId), PageCursor.userListing(userId), page);
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        policy.limits().checkUserId(userId);
        Objects.requireNonNull(keep, "keep");
        Instant now = now();
        List<SessionId> revoked = withUserLock(userId, () -> {
            List<SessionId> ids = new ArrayList<>();
            for (SessionId id : catalog.userIds(userId)) {
                if (!keep.equals(Optional.of(id))
                        && catalog.remove(id).filter(e -> e.liveAt(now)).isPresent()) {
                    ids.add(id);
                }
            }
            return List.copyOf(ids);
        });
        sweep(now, SWEEP_PER_WRITE);
        return revoked;
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        policy.limits().checkIndex(name, value);
        return live(catalog.indexIds(name, value), now());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pages are in id order; the cursor is the last id returned. A page sorts the value's ids, so its cost grows
     * with the number of ids under the value (in memory, a small cost).
     */
    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        policy.limits().checkIndex(name, value);
        return page(catalog.indexIds(name, value), PageCursor.indexListing(name, value), page);
    }

    /** Removes every expired session now; returns how many. Writes also do this, a few at a time. */
    public int purgeExpired() {
        return sweep(now(), Integer.MAX_VALUE);
    }

    /** Holds no resources; does nothing. */
    @Override
    public void close() {}

    /** What the store holds, expired or not, for tests of reclamation. */
    Catalog.Footprint footprint() {
        return catalog.footprint();
    }

    /** With the user's lock held: evicts the oldest live sessions, or refuses, so that one more fits the cap. */
    private void insertWithinCap(String user, Session session, Instant now) {
        int cap = policy.limits().maxSessionsPerUser();
        List<Session> live = live(catalog.userIds(user), now);
        if (live.size() >= cap && policy.capPolicy() == CapPolicy.REFUSE) {
            throw new LimitExceededException("maxSessionsPerUser", cap, live.size() + 1L);
        }
        if (live.size() >= cap) {
            live.subList(0, live.size() - cap + 1).forEach(s -> catalog.remove(s.id()));
        }
        catalog.insert(Entry.of(session));
    }

    private List<Session> live(List<SessionId> ids, Instant now) {
        return ids.stream()
                .flatMap(id -> catalog.getLive(id, now).stream())
                .map(Entry::session)
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** The live sessions of {@code ids} after the cursor's id, in id order. */
    private SessionPage page(List<SessionId> ids, String listing, PageRequest page) {
        Instant now = now();
        Optional<SessionId> after = page.cursor().map(c -> afterId(c, listing));
        List<SessionId> sorted = ids.stream()
                .filter(id -> after.isEmpty() || id.compareTo(after.get()) > 0)
                .sorted()
                .toList();
        List<Session> out = new ArrayList<>();
        for (SessionId id : sorted) {
            Optional<Session> live = catalog.getLive(id, now).map(Entry::session);
            if (live.isEmpty()) {
                continue;
            }
            if (out.size() == page.limit()) {
                SessionId last = out.get(out.size() - 1).id();
                return new SessionPage(out, Optional.of(PageCursor.encode(CURSOR_KIND, listing, idBytes(last))));
            }
            out.add(live.get());
        }
        return new SessionPage(out, Optional.empty());
    }

    private static SessionId afterId(String cursor, String listing) {
        byte[] position = PageCursor.decode(cursor, CURSOR_KIND, listing);
        return SessionId.tryParse(new String(position, StandardCharsets.US_ASCII))
                .orElseThrow(PageCursor::malformed);
    }

    private static byte[] idBytes(SessionId id) {
        return id.value().getBytes(StandardCharsets.US_ASCII);
    }

    private int sweep(Instant now, int max) {
        return catalog.sweep(now, max);
    }

    private <T> T withUserLock(String user, Supplier<T> action) {
        ReentrantLock lock = userLocks[Math.floorMod(user.hashCode(), userLocks.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void withUserLock(String user, Runnable action) {
        withUserLock(user, () -> {
            action.run();
            return null;
        });
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
