package dev.sessionstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sweep reclaims expired rows, with their attribute and index rows, and nothing else. */
class SweepIT {
    @RegisterExtension
    static final TestDatabaseExtension database = new TestDatabaseExtension();

    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));

    @BeforeEach
    void emptyTables() {
        database.truncate();
    }

    @Test
    void purgeExpired_deletesExpiredSessionsAndTheirChildren_keepsLiveOnes() {
        try (JdbcSessionStore store = store().build()) {
            for (int i = 0; i < 5; i++) {
                store.create(shortLived("user-" + i));
            }
            CreatedSession live = store.create(NewSession.builder()
                    .userId("keeper")
                    .attribute("a", JsonValue.of(1))
                    .index("tenant", "t")
                    .idleTimeout(Duration.ofHours(1))
                    .build());
            assertThat(store.purgeExpired()).as("nothing has expired yet").isZero();

            clock.advance(Duration.ofSeconds(2));

            assertThat(store.purgeExpired()).isEqualTo(5);
            assertThat(database.count("select count(*) from ss_session")).isEqualTo(1);
            assertThat(database.count("select count(*) from ss_attribute")).isEqualTo(1);
            assertThat(database.count("select count(*) from ss_index_value")).isEqualTo(1);
            assertThat(store.peek(live.token())).isPresent();
            assertThat(store.purgeExpired()).isZero();
        }
    }

    @Test
    void purgeExpired_reclaimsABacklogLargerThanOneBatch() {
        try (JdbcSessionStore store = store().build()) {
            int backlog = Sweeper.BATCH * 2 + 17;
            database.execute("""
                    insert into ss_session (pk, session_id, user_id, created_at, last_accessed_at,
                        idle_timeout_ms, absolute_expires_at, expires_at, version)
                    select n, lpad(n::text, 24, '0'), null, t, t, 1000, t + interval '1 hour', t + interval '1 second', 1
                    from generate_series(1, %d) n, (select timestamptz '2029-12-31 00:00:00+00' as t) c""".formatted(backlog));

            assertThat(store.purgeExpired()).isEqualTo(backlog);
            assertThat(database.count("select count(*) from ss_session")).isZero();
        }
    }

    @Test
    void sweepInterval_reclaimsExpiredRowsOnItsOwn() {
        try (JdbcSessionStore store =
                store().sweepInterval(Duration.ofMillis(50)).build()) {
            store.create(shortLived("periodic"));
            clock.advance(Duration.ofSeconds(2));

            await().atMost(Duration.ofSeconds(10)).until(() -> database.count("select count(*) from ss_session") == 0);
        }
    }

    private NewSession shortLived(String user) {
        return NewSession.builder()
                .userId(user)
                .attribute("cart", JsonValue.parse("[1,2,3]"))
                .index("tenant", "t")
                .idleTimeout(Duration.ofSeconds(1))
                .build();
    }

    private JdbcSessionStoreBuilder store() {
        return JdbcSessionStore.builder()
                .dataSource(database.dataSource())
                .policy(SessionPolicy.defaults())
                .clock(clock);
    }
}
