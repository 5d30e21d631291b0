package dev.sessionstore.spring.session;

import dev.sessionstore.SessionStore;
import java.time.Clock;

/** What a repository's sessions share: the store, the options, and the clock they read the time from. */
record Context(SessionStore store, SessionStoreRepositoryOptions options, Clock clock) {}
