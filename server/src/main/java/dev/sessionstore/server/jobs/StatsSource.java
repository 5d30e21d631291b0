package dev.sessionstore.server.jobs;

import java.time.Instant;

/** Measures the store for the statistics job; may be slow (it may walk the keyspace), never on a request. */
@FunctionalInterface
public interface StatsSource {
    StoreStats measure(Instant at, String instance, long fence);
}
