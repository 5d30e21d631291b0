package dev.sessionstore.spring.session;

import dev.sessionstore.SessionStore;
import dev.sessionstore.memory.InMemorySessionStore;

/** The repository's contract on the in-memory store. */
class SessionStoreRepositoryMemoryTest extends SessionStoreRepositoryContract {
    @Override
    SessionStore newStore() {
        return new InMemorySessionStore();
    }
}
