package dev.sessionstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for one test class: an embedded server (zonky binaries, no install) on a free port,
 * with a connection pool the tests share. Stores built on {@link #dataSource()} do not close it.
 */
final class TestDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(24);
        config.setMinimumIdle(2);
        config.setPoolName("test");
        this.pool = new HikariDataSource(config);
    }

    static TestDatabase start() {
        try {
            return new TestDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    DataSource dataSource() {
        return pool;
    }

    /** Empties the store's tables (a no-op before the first migration). */
    void truncate() {
        execute(
                "do $$ begin if to_regclass('ss_session') is not null then truncate ss_session cascade; end if; end $$");
    }

    /** Drops everything, so the next migration starts from an empty database. */
    void dropAll() {
        execute("drop schema public cascade; create schema public");
    }

    long count(String sql) {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Stops the server while a test still holds this object, to see a store lose its database. */
    void stop() throws IOException {
        close();
    }

    /** Stops the pool and the server; idempotent. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            pool.close();
            postgres.close();
        }
    }
}
