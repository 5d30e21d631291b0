package dev.sessionstore.coordination.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.memory.InMemoryCoordination;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fenced updates against a real PostgreSQL: an embedded server (zonky binaries, no install) on a free port for
 * this class, a table of its own per test, dropped afterwards.
 */
class JdbcFencedWritesIT {
    private static EmbeddedPostgres postgres;
    private final String table = "fenced_" + UUID.randomUUID().toString().replace("-", "");
    private Connection connection;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void createTable() throws SQLException {
        connection = postgres.getPostgresDatabase().getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, body text, fence bigint NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES ('daily', 'initial', 0)");
        }
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
        connection.close();
    }

    private String body() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT body FROM " + table + " WHERE id = 'daily'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void staleHolder_updateRefused_newHolderWins() throws Exception {
        var writes = new JdbcFencedWrites(table, "body");
        try (Coordination c = InMemoryCoordination.create(Clock.systemUTC()).instance("a")) {
            FencedLease stale = c.locks()
                    .tryAcquire("daily", LockOptions.lease(Duration.ofMillis(50)))
                    .orElseThrow();
            stale.close();
            FencedLease current = c.locks()
                    .tryAcquire("daily", LockOptions.lease(Duration.ofSeconds(5)))
                    .orElseThrow();
            assertThat(writes.write(connection, "daily", "new", current.fence()))
                    .isTrue();
            assertThat(writes.write(connection, "daily", "stale", stale.fence()))
                    .isFalse();
            assertThat(writes.write(connection, "daily", "same", current.fence()))
                    .isFalse();
            assertThat(body()).isEqualTo("new");
        }
    }

    @Test
    void constructor_rejectsUnsafeIdentifiers() {
        assertThatThrownBy(() -> new JdbcFencedWrites("t; DROP TABLE x", "body"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table");
    }
}
