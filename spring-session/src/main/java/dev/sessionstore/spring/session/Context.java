package dev.sessionstore.spring.session;

import dev.sessionstore.SessionStore;
import java.time.Clock;

/**
 * What a repository's sessions share: the store, the options, the clock they read the time from, and the decoder of
 * their stored attributes.
 */
record Context(SessionStore store, SessionStoreRepositoryOptions options, Clock clock, ContextCache contexts) {}
