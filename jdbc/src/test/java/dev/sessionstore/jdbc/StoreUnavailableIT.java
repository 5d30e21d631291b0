package dev.sessionstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.StoreUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is reported as {@link StoreUnavailableException}, within the timeout. */
class StoreUnavailableIT {

    @Test
    void build_againstAClosedPort_failsFastAsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> JdbcSessionStore.builder()
                        .jdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres")
                        .username("postgres")
                        .connectTimeout(Duration.ofMillis(500))
                        .build())
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void operations_afterTheDatabaseStops_failAsUnavailable() throws IOException {
        try (TestDatabase database = TestDatabase.start();
                JdbcSessionStore store = JdbcSessionStore.builder()
                        .jdbcUrl(database.jdbcUrl())
                        .username("postgres")
                        .connectTimeout(Duration.ofMillis(500))
                        .build()) {
            CreatedSession created = store.create(NewSession.forUser("alice"));
            database.stop();
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.peek(created.token())).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.create(NewSession.anonymous()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
