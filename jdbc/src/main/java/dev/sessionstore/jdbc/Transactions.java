package dev.sessionstore.jdbc;

import dev.sessionstore.SessionStoreException;
import dev.sessionstore.StoreUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs each store operation in one database transaction of its own entity manager. A transaction that
 * PostgreSQL aborts for a deadlock or a serialization failure is retried a few times; database errors
 * become {@link StoreUnavailableException} when they mean the database cannot be reached or did not
 * answer, else {@link SessionStoreException}. The store's own exceptions pass through unchanged.
 */
final class Transactions {
    private static final int ATTEMPTS = 5;

    /** SQLSTATEs of an aborted transaction that is safe to run again: serialization failure, deadlock. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    /** SQLSTATEs that mean the server is going away or refused to serve: shutdown, cannot connect now. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "57014", "53300");

    private final EntityManagerFactory emf;

    Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs {@code work} in a transaction and commits it; rolls back on any exception. */
    <T> T inTransaction(Function<SessionRepository, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SessionStoreException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    continue;
                }
                throw translate(e);
            }
        }
    }

    private <T> T once(Function<SessionRepository, T> work) {
        try (EntityManager em = emf.createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(new SessionRepository(em));
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollback(tx, e);
                throw e;
            }
        }
    }

    /** Rolls back what is still active; a failure to do so (a lost connection) is kept as suppressed. */
    private static void rollback(EntityTransaction tx, RuntimeException cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The store exception a database failure stands for; the cause is kept. */
    static SessionStoreException translate(Throwable e) {
        if (isUnavailable(e)) {
            return new StoreUnavailableException("the session database cannot be reached: " + rootMessage(e), e);
        }
        return new SessionStoreException("the session database failed: " + rootMessage(e), e);
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || UNAVAILABLE.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
