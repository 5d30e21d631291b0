package dev.sessionstore.jdbc;

import dev.sessionstore.CreatedSession;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A {@link SessionStore} in a relational database (PostgreSQL) through Hibernate ORM.
 *
 * <p>Layout (Flyway migrations in {@code db/migration/sessionstore}, documented in {@code
 * docs/jdbc-schema.md}): {@code ss_session} holds one row per session keyed by a surrogate {@code pk},
 * with the public {@code session_id} (never the token), the user, the times, the exact {@code
 * expires_at = min(last_accessed_at + idle, absolute_expires_at)} and the version; {@code ss_attribute}
 * holds one row per attribute with its compact JSON as {@code text}, byte for byte; {@code
 * ss_index_value} one row per index name, indexed on {@code (name, value)}. Each operation is one
 * transaction: writes to a session lock its row ({@code SELECT ... FOR NO KEY UPDATE}); creates and
 * revocations of a user's sessions first take a transaction-scoped advisory lock on the user, so the
 * per-user cap holds under concurrency; peek is one statement joining the children; listings read
 * from a read-only REPEATABLE READ snapshot. Rows past {@code expires_at} (by the injected clock) read
 * as gone and are deleted by {@link #purgeExpired()}.
 *
 * <p>Thread-safe. Built by {@link #builder()}.
 */
public final class JdbcSessionStore implements SessionStore {
    private static final String CURSOR_KIND = "jdbc";
    private final Database database;
    private final Transactions transactions;
    private final Sweeper sweeper;
    private final SessionPolicy policy;
    private final SessionWrites writes;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcSessionStore(Database database, JdbcStoreSettings settings) {
        this.database = database;
        this.transactions = new Transactions(database.emf());
        this.policy = settings.policy();
        this.clock = settings.clock();
        this.writes = new SessionWrites(policy);
        this.sweeper = new Sweeper(transactions, clock, settings.sweepInterval());
    }

    /** A builder with the defaults: {@link SessionPolicy#defaults()}, the UTC system clock, migrations on. */
    public static JdbcSessionStoreBuilder builder() {
        return new JdbcSessionStoreBuilder();
    }

    @Override
    public CreatedSession create(NewSession spec) {
        Objects.requireNonNull(spec, "spec");
        policy.limits().checkNew(spec);
        SessionWrites.Lifetimes lifetimes = writes.lifetimes(spec);
        SessionToken token = spec.userId().map(SessionToken::generate).orElseGet(SessionToken::generateAnonymous);
        Session session = transaction(repo -> writes.insert(repo, spec, lifetimes, token.id(), this::now));
        return new CreatedSession(token, session);
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        Objects.requireNonNull(token, "token");
        return transaction(repo -> {
            Instant now = now();
            return repo.lockLive(token.id(), now).map(entity -> {
                entity.access(now);
                return entity.toSession();
            });
        });
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        Objects.requireNonNull(token, "token");
        return transaction(repo -> repo.findLive(token.id(), now()).map(SessionEntity::toSession));
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        Objects.requireNonNull(token, "token");
        policy.limits().checkUpdate(update);
        return transaction(repo -> writes.apply(repo.lockLive(token.id(), now()), update));
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        Objects.requireNonNull(token, "token");
        return transaction(repo -> {
            SessionEntity entity = repo.lockLive(token.id(), now()).orElseThrow(SessionNotFoundException::new);
            SessionToken next = SessionToken.generateWithTag(token.tag());
            entity.rotateTo(next.id());
            return new CreatedSession(next, entity.toSession());
        });
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        Objects.requireNonNull(token, "token");
        return revoke(token.id());
    }

    /** Locks and reads the live session, then deletes it (and an expired row of that id, if any). */
    @Override
    public Optional<Session> revoke(SessionId id) {
        Objects.requireNonNull(id, "id");
        return transaction(repo -> {
            Instant now = now();
            Optional<Session> live = repo.lockLive(id, now).map(SessionEntity::toSession);
            repo.delete(id);
            return live;
        });
    }

    @Override
    public List<Session> listByUser(String userId) {
        policy.limits().checkUserId(userId);
        return snapshot(repo -> toSessions(repo.liveOfUser(userId, now())));
    }

    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        policy.limits().checkUserId(userId);
        String listing = PageCursor.userListing(userId);
        String after = afterId(page, listing);
        return snapshot(
                repo -> page(repo.liveOfUserAfter(userId, after, now(), page.limit() + 1), listing, page.limit()));
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        policy.limits().checkUserId(userId);
        Objects.requireNonNull(keep, "keep");
        return transaction(repo -> {
            repo.lockUser(userId);
            return repo.deleteOfUser(userId, keep, now());
        });
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        policy.limits().checkIndex(name, value);
        return snapshot(repo -> toSessions(repo.liveWithIndex(name, value, now())));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pages are in id order ({@code session_id > :after ORDER BY session_id LIMIT limit + 1}); the cursor is the
     * last id returned.
     */
    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        policy.limits().checkIndex(name, value);
        String listing = PageCursor.indexListing(name, value);
        String after = afterId(page, listing);
        return snapshot(repo ->
                page(repo.liveWithIndexAfter(name, value, after, now(), page.limit() + 1), listing, page.limit()));
    }

    /**
     * Deletes every session that has expired by the store's clock, in batches of short transactions, and
     * returns how many were deleted. Also run every {@link JdbcSessionStoreBuilder#sweepInterval} if set.
     */
    public int purgeExpired() {
        checkOpen();
        return sweeper.sweep();
    }

    /** Stops the sweep, closes Hibernate and the pool the store owns (not a data source it was given). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sweeper.close();
            database.close();
        }
    }

    private <T> T transaction(Function<SessionRepository, T> work) {
        checkOpen();
        return transactions.inTransaction(work);
    }

    private <T> T snapshot(Function<SessionRepository, T> work) {
        checkOpen();
        return transactions.inTransaction(repo -> {
            repo.snapshotReadOnly();
            return work.apply(repo);
        });
    }

    /** The page of the first {@code limit} of {@code rows}; a cursor if there were more. */
    private static SessionPage page(List<SessionEntity> rows, String listing, int limit) {
        if (rows.size() <= limit) {
            return new SessionPage(toSessions(rows), Optional.empty());
        }
        List<Session> sessions = toSessions(rows.subList(0, limit));
        byte[] last = sessions.get(limit - 1).id().value().getBytes(StandardCharsets.US_ASCII);
        return new SessionPage(sessions, Optional.of(PageCursor.encode(CURSOR_KIND, listing, last)));
    }

    /** The id the page starts after: the cursor's, or "" for the first page. */
    private static String afterId(PageRequest page, String listing) {
        return page.cursor()
                .map(c -> new String(PageCursor.decode(c, CURSOR_KIND, listing), StandardCharsets.US_ASCII))
                .map(id -> SessionId.tryParse(id)
                        .orElseThrow(PageCursor::malformed)
                        .value())
                .orElse("");
    }

    private static List<Session> toSessions(List<SessionEntity> entities) {
        return entities.stream().map(SessionEntity::toSession).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the store is closed");
        }
    }

    /** Limits whose values a B-tree index entry (at most about 2,700 bytes) must be able to hold. */
    static void checkIndexable(SessionLimits limits) {
        if (4L * limits.maxUserIdLength() > 2_400) {
            throw new IllegalArgumentException(
                    "maxUserIdLength must be at most 600 for the jdbc store: " + limits.maxUserIdLength());
        }
        if (4L * (limits.maxNameLength() + limits.maxIndexValueLength()) > 2_400) {
            throw new IllegalArgumentException("maxNameLength + maxIndexValueLength must be at most 600 for the jdbc"
                    + " store: " + (limits.maxNameLength() + limits.maxIndexValueLength()));
        }
    }
}
