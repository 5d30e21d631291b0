package dev.sessionstore.spring.boot;

import dev.sessionstore.SessionStore;

/** Wraps the auto-configured store (metrics); applied in order to the store the auto-configuration builds. */
@FunctionalInterface
interface SessionStoreDecorator {
    SessionStore decorate(SessionStore store);
}
