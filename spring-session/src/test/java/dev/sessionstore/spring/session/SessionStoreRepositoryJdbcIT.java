package dev.sessionstore.spring.session;

import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.SessionStore;
import dev.sessionstore.jdbc.JdbcSessionStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository's contract on the JDBC store, on an embedded PostgreSQL (zonky binaries, as the jdbc module's tests
 * start it; its test helpers are package-private there, so this is the minimal setup again). One store for the class,
 * its table emptied before each test.
 */
class SessionStoreRepositoryJdbcIT extends SessionStoreRepositoryContract {
    private static EmbeddedPostgres postgres;
    private static JdbcSessionStore shared;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        shared = JdbcSessionStore.builder()
                .jdbcUrl(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (shared != null) {
            shared.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    SessionStore newStore() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("truncate ss_session cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the session table", e);
        }
        return new Unclosed(shared);
    }

    /** The shared store, left open when a test closes it. */
    private static final class Unclosed extends ForwardingSessionStore {
        Unclosed(SessionStore delegate) {
            super(delegate);
        }

        @Override
        public void close() {}
    }
}
