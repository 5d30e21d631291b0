package dev.sessionstore.servlet;

import dev.sessionstore.SessionStore;
import dev.sessionstore.memory.InMemorySessionStore;

/** The filter's scenarios on the in-memory store. */
class SessionFilterMemoryTest extends SessionFilterScenarios {
    @Override
    SessionStore newStore() {
        return new InMemorySessionStore();
    }
}
