package dev.sessionstore.jdbc;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.SessionStoreContract;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared store contract, unchanged, against a real PostgreSQL; store time is a fake clock. */
class JdbcSessionStoreIT extends SessionStoreContract {
    private static TestDatabase database;

    private final FakeClock clock = FakeClock.atFixedStart();

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

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
    protected void letTimePass(Duration d) {
        clock.advance(d);
    }
}
