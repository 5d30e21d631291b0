package dev.sessionstore.jdbc;

import dev.sessionstore.SessionId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queries of the store, each bound to the entity manager of one transaction. Every read that can
 * see an expired row filters on {@code expires_at > now}; {@code now} always comes from the store's clock.
 */
final class SessionRepository {
    /**
     * Reads a session with its children in one statement: the attribute and index rows are joined, so
     * the read is one snapshot even at READ COMMITTED. The join yields attributes × index values rows,
     * at most {@code maxAttributes * maxIndexes}.
     */
    private static final String WITH_CHILDREN =
            "select s from SessionEntity s left join fetch s.attributes left join fetch s.indexes ";

    private final EntityManager em;

    SessionRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The live session with this id, its row locked ({@code FOR NO KEY UPDATE}) until commit, then its
     * children read under that lock. (Locking and fetching in one query would make Hibernate read the
     * children first and lock after, a race; so the lock comes first, alone.)
     */
    Optional<SessionEntity> lockLive(SessionId id, Instant now) {
        Optional<SessionEntity> locked = em
                .createQuery("from SessionEntity s where s.sessionId = :id", SessionEntity.class)
                .setParameter("id", id.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .filter(s -> s.liveAt(now))
                .findFirst();
        locked.ifPresent(s -> em.createQuery(WITH_CHILDREN + "where s.pk = :pk", SessionEntity.class)
                .setParameter("pk", s.pk())
                .getSingleResult());
        return locked;
    }

    void persist(SessionEntity entity) {
        em.persist(entity);
    }

    /** Makes this transaction read from one snapshot and write nothing; must be its first statement. */
    void snapshotReadOnly() {
        em.createNativeQuery("set transaction isolation level repeatable read, read only")
                .executeUpdate();
    }

    /** The live session with this id and its children, read in one statement without a lock. */
    Optional<SessionEntity> findLive(SessionId id, Instant now) {
        return em
                .createQuery(WITH_CHILDREN + "where s.sessionId = :id and s.expiresAt > :now", SessionEntity.class)
                .setParameter("id", id.value())
                .setParameter("now", now)
                .getResultList() // a list, not a stream: the fetched collections are complete only at the end
                .stream()
                .findFirst();
    }

    /**
     * Serialises writers of one user's session set until commit: a transaction-scoped advisory lock on a
     * 64-bit hash of the user id (a collision only makes two users wait for each other).
     */
    void lockUser(String userId) {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtextextended(:user, 0))")
                .setParameter("user", userId)
                .getSingleResult();
    }

    List<SessionEntity> liveOfUser(String userId, Instant now) {
        return em.createQuery("""
                        from SessionEntity s
                        where s.userId = :user and s.expiresAt > :now
                        order by s.createdAt, s.sessionId""", SessionEntity.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .getResultList();
    }

    List<SessionEntity> liveWithIndex(String name, String value, Instant now) {
        return em.createQuery("""
                        select s from SessionEntity s join s.indexes i
                        where key(i) = :name and value(i) = :value and s.expiresAt > :now
                        order by s.createdAt, s.sessionId""", SessionEntity.class)
                .setParameter("name", name)
                .setParameter("value", value)
                .setParameter("now", now)
                .getResultList();
    }

    /** At most {@code max} live sessions of the user with an id after {@code after} ("" for all), in id order. */
    List<SessionEntity> liveOfUserAfter(String userId, String after, Instant now, int max) {
        return em.createQuery("""
                        from SessionEntity s
                        where s.userId = :user and s.expiresAt > :now and s.sessionId > :after
                        order by s.sessionId""", SessionEntity.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .setParameter("after", after)
                .setMaxResults(max)
                .getResultList();
    }

    /** At most {@code max} live sessions with the index value and an id after {@code after}, in id order. */
    List<SessionEntity> liveWithIndexAfter(String name, String value, String after, Instant now, int max) {
        return em.createQuery("""
                        select s from SessionEntity s join s.indexes i
                        where key(i) = :name and value(i) = :value and s.expiresAt > :now and s.sessionId > :after
                        order by s.sessionId""", SessionEntity.class)
                .setParameter("name", name)
                .setParameter("value", value)
                .setParameter("now", now)
                .setParameter("after", after)
                .setMaxResults(max)
                .getResultList();
    }

    long countLiveOfUser(String userId, Instant now) {
        return em.createQuery(
                        "select count(s) from SessionEntity s where s.userId = :user and s.expiresAt > :now",
                        Long.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .getSingleResult();
    }

    /** Deletes the {@code n} oldest live sessions of the user (by creation, then id). */
    int deleteOldestOfUser(String userId, Instant now, int n) {
        List<Long> oldest = em.createQuery("""
                        select s.pk from SessionEntity s
                        where s.userId = :user and s.expiresAt > :now
                        order by s.createdAt, s.sessionId""", Long.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .setMaxResults(n)
                .getResultList();
        if (oldest.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from SessionEntity s where s.pk in :pks")
                .setParameter("pks", oldest)
                .executeUpdate();
    }

    /** Deletes the session with this id, live or expired (the id is unique: one statement). */
    void delete(SessionId id) {
        em.createQuery("delete from SessionEntity s where s.sessionId = :id")
                .setParameter("id", id.value())
                .executeUpdate();
    }

    /**
     * Deletes every session of the user except {@code keep} in one statement ({@code DELETE ... RETURNING});
     * returns the ids of those that were live.
     */
    List<SessionId> deleteOfUser(String userId, Optional<SessionId> keep, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> live = em.createNativeQuery("""
                        delete from ss_session
                        where user_id = :user and session_id <> :keep and expires_at > :now
                        returning session_id""", String.class)
                .setParameter("user", userId)
                .setParameter("keep", keep.map(SessionId::value).orElse(""))
                .setParameter("now", now)
                .getResultList();
        deleteExpiredOfUser(userId, now);
        return live.stream().map(SessionId::new).toList();
    }

    /** Deletes the user's expired rows, which the sweep would reclaim later anyway. */
    void deleteExpiredOfUser(String userId, Instant now) {
        em.createQuery("delete from SessionEntity s where s.userId = :user and s.expiresAt <= :now")
                .setParameter("user", userId)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code limit} expired sessions (their children cascade), skipping rows another
     * transaction holds; returns how many were deleted.
     */
    int deleteExpired(Instant now, int limit) {
        return em.createNativeQuery("""
                        delete from ss_session where pk in (
                            select pk from ss_session where expires_at <= :now
                            limit :limit for update skip locked)""")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
