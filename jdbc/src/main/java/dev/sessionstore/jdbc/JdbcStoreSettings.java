package dev.sessionstore.jdbc;

import dev.sessionstore.SessionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The validated settings a {@link JdbcSessionStore} runs with. */
record JdbcStoreSettings(SessionPolicy policy, Clock clock, Optional<Duration> sweepInterval) {}
