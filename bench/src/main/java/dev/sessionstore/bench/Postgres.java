package dev.sessionstore.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the ORM store runs on: an embedded one (zonky's binaries, durability relaxed to match
 * Redis without persistence: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off)
 * or one given by a JDBC URL. The store gets a HikariCP pool over a {@link CountingDataSource}, so
 * every JDBC round trip it makes is counted; this class's own queries bypass the count.
 */
final class Postgres implements AutoCloseable {
    static final Map<String, String> SETTINGS =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_connections", "100");

    private final Optional<EmbeddedPostgres> embedded;
    private final DataSource direct;
    private final CountingDataSource counting = new CountingDataSource();
    private final HikariDataSource pool;

    private Postgres(Optional<EmbeddedPostgres> embedded, DataSource direct) {
        this.embedded = embedded;
        this.direct = direct;
        HikariConfig config = new HikariConfig();
        config.setDataSource(counting.wrap(direct));
        config.setMaximumPoolSize(16);
        config.setPoolName("bench-jdbc");
        this.pool = new HikariDataSource(config);
    }

    static Postgres embedded() {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
            SETTINGS.forEach(b::setServerConfig);
            EmbeddedPostgres pg = b.start();
            return new Postgres(Optional.of(pg), pg.getPostgresDatabase());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    static Postgres connect(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return new Postgres(Optional.empty(), ds);
    }

    /** The counted pool the ORM store uses. */
    DataSource dataSource() {
        return pool;
    }

    long roundTrips() {
        return counting.roundTrips();
    }

    /** Bytes of every user table with its indexes and TOAST ({@code pg_total_relation_size}). */
    long relationBytes() {
        return queryLong("select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_stat_user_tables");
    }

    String version() {
        return queryText("select version()");
    }

    String settings() {
        return "fsync " + queryText("show fsync") + ", synchronous_commit " + queryText("show synchronous_commit")
                + ", full_page_writes " + queryText("show full_page_writes")
                + (embedded.isPresent() ? " (embedded)" : "");
    }

    private long queryLong(String sql) {
        return Long.parseLong(queryText(sql));
    }

    private String queryText(String sql) {
        try (Connection c = direct.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(pg -> {
            try {
                pg.close();
            } catch (IOException e) {
                // stopping: nothing more to do
            }
        });
    }
}
