package dev.sessionstore.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} and counts the JDBC calls that make a round trip to the database: every
 * statement execution (a batch counts once), {@code commit} and {@code rollback}. With the PostgreSQL
 * driver a transaction's {@code BEGIN} travels with its first statement, so it adds no round trip.
 */
final class CountingDataSource {
    private static final Set<String> EXECUTES = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> ENDS = Set.of("commit", "rollback");

    private final LongAdder roundTrips = new LongAdder();

    long roundTrips() {
        return roundTrips.sum();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (p, m, args) -> {
            Object r = invoke(target, m, args);
            return r instanceof Connection c ? connection(c) : r;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (p, m, args) -> {
            if (ENDS.contains(m.getName())) {
                roundTrips.increment();
            }
            Object r = invoke(target, m, args);
            return switch (r) {
                case CallableStatement s -> statement(CallableStatement.class, s);
                case PreparedStatement s -> statement(PreparedStatement.class, s);
                case Statement s -> statement(Statement.class, s);
                case null, default -> r;
            };
        });
    }

    private <S extends Statement> S statement(Class<S> type, S target) {
        return proxy(type, target, (p, m, args) -> {
            if (EXECUTES.contains(m.getName())) {
                roundTrips.increment();
            }
            return invoke(target, m, args);
        });
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
