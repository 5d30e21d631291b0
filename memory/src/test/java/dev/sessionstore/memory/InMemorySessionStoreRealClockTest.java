package dev.sessionstore.memory;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.testkit.SessionStoreContract;
import java.time.Clock;

/**
 * The in-memory store passes the contract on the system clock too, with time left to pass on its own,
 * as it does for a store on a real server; this keeps the contract's real-time path honest.
 */
class InMemorySessionStoreRealClockTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore(SessionPolicy policy) {
        return new InMemorySessionStore(policy, storeClock());
    }

    /** Real time: the contract waits for it to pass. */
    @Override
    public Clock storeClock() {
        return Clock.systemUTC();
    }
}
