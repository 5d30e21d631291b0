package dev.sessionstore.jdbc;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.MutableClock;
import dev.sessionstore.testkit.SessionStoreContract;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared store contract, unchanged, against a real PostgreSQL; store time is a fake clock. */
class JdbcSessionStoreIT extends SessionStoreContract {
    @RegisterExtension
    static final TestDatabaseExtension database = new TestDatabaseExtension();

    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));

    @Override
    protected SessionStore newStore(SessionPolicy policy) {
        database.truncate();
        return JdbcSessionStore.builder()
                .dataSource(database.dataSource())
                .policy(policy)
                .clock(clock)
                .build();
    }

    @Override
    public Clock storeClock() {
        return clock;
    }
}
