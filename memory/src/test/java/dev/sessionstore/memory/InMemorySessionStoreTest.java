package dev.sessionstore.memory;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.MutableClock;
import dev.sessionstore.testkit.SessionStoreContract;
import java.time.Clock;
import java.time.Instant;

/** The in-memory store passes the whole contract on a fake clock. */
class InMemorySessionStoreTest extends SessionStoreContract {
    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00.123Z"));

    @Override
    protected SessionStore newStore(SessionPolicy policy) {
        return new InMemorySessionStore(policy, clock);
    }

    @Override
    public Clock storeClock() {
        return clock;
    }
}
