package dev.sessionstore.bench;

import java.util.Map;

/** The fixed text of the comparison report: what the stores are, how they were measured, on what. */
final class CompareMethod {
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "redis-store", "sessionstore's Redis store: one Lua script, one round trip per operation",
            "jdbc-store", "sessionstore's ORM store: Hibernate (JPA) on PostgreSQL, HikariCP",
            "memory-store", "sessionstore's in-memory store (the \"dictionary\" option): one JVM's heap",
            "spring-simple", "Spring Session Data Redis `RedisSessionRepository` (no index)",
            "spring-indexed", "Spring Session Data Redis `RedisIndexedSessionRepository` (principal index)");

    private CompareMethod() {}

    static void stores(StringBuilder md) {
        md.append("## The stores\n\n| name | what it is |\n|---|---|\n");
        Options.ALL_STORES.forEach(s -> md.append("| ")
                .append(s)
                .append(" | ")
                .append(DESCRIPTIONS.get(s))
                .append(" |\n"));
        md.append("\nSpring Session's operations are its web request cycle: **create** = `createSession` + four"
                + " `setAttribute` (the user id as the principal name, three attributes) + `save`; **touch** ="
                + " `findById` + `setLastAccessedTime` + `save` (what `SessionRepositoryFilter` does on each"
                + " request); **update** = `findById` + `setAttribute` + `save`; **list user** ="
                + " `findByPrincipalName`, which only the indexed repository has (n/a for the simple one);"
                + " **revoke** = `deleteById`.\n\n");
    }

    static void environment(StringBuilder md, Map<String, String> env) {
        md.append("## Machine, versions and settings\n\n| | |\n|---|---|\n");
        env.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n');
    }

    static void method(StringBuilder md) {
        md.append("## Method\n\n");
        md.append("- Every store gets the same workload: sessions with a user id and three 20-character string"
                + " attributes. Touch, update and list work on a pool of users with three sessions each, created"
                + " before measuring; creates use fresh users; revoke revokes the sessions the create phase just"
                + " made.\n");
        md.append("- A warm-up phase of every operation on every store comes first and is not reported. Then, in"
                + " each run, for each thread count, the stores take turns (all operations of one store, then the"
                + " next), so a slow moment of the shared machine hits every store alike.\n");
        md.append("- Each phase runs for a fixed time; a create phase also stops after a fixed number of"
                + " sessions, and a revoke phase when the sessions made by the create phase are all revoked."
                + " Operations per second = completed operations / wall time of the phase.\n");
        md.append("- Latency is measured around each call with `System.nanoTime` into an HdrHistogram.\n");
        md.append("- Round trips: for Redis, a separate single-threaded pass of 100 operations each under"
                + " `MONITOR`, counting the commands clients sent (commands run inside a Lua script are not"
                + " round trips and are not counted; `INFO commandstats` would count them). For PostgreSQL, the"
                + " JDBC calls that reach the server (statement executions, commits and rollbacks) counted by a"
                + " wrapper around the pool's DataSource. The in-memory store makes none.\n");
        md.append("- Bytes per session: Redis `used_memory` before and after creating the sessions on an emptied"
                + " server (one user per session, so every session also brings its own user-index entry);"
                + " PostgreSQL `pg_total_relation_size` of all user tables (indexes and TOAST included) before"
                + " and after; the in-memory store's heap after `System.gc()`, which is approximate.\n");
        md.append("- Redis runs without persistence (no RDB, no AOF) for every Redis-backed store; the embedded"
                + " PostgreSQL runs with `fsync`, `synchronous_commit` and `full_page_writes` off to match. Both"
                + " servers and the benchmark share the same cores.\n\n");
    }
}
