package dev.sessionstore.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes per session in Redis for the Redis store and Spring Session's two layouts: {@code used_memory}
 * growth over N sessions (a user id, {@code user-<n>} or a UUID, and three 20-character attributes each)
 * on an emptied server.
 */
final class MemoryCommand {
    /** A layout to measure: a target, how many sessions share a user, and whether user ids are UUIDs. */
    record Layout(String store, int sessionsPerUser, boolean uuidUsers) {}

    static final List<Layout> LAYOUTS = List.of(
            new Layout("redis-store", 1, false),
            new Layout("redis-store", 4, false),
            new Layout("redis-store", 1, true),
            new Layout("spring-simple", 1, false),
            new Layout("spring-indexed", 1, false));

    private MemoryCommand() {}

    static List<BytesPerSession.Result> run(Backends backends, int sessions, PrintStream log) {
        Progress progress = new Progress(log, LAYOUTS.size());
        List<BytesPerSession.Result> results = new ArrayList<>();
        for (Layout l : LAYOUTS) {
            var r = BytesPerSession.measure(backends, l.store(), sessions, l.sessionsPerUser(), l.uuidUsers());
            results.add(r);
            progress.step("memory %-15s %d session(s)/user: %,.0f bytes/session, %s keys/session"
                    .formatted(r.store(), l.sessionsPerUser(), r.bytesPerSession(), Targets.num(r.keysPerSession())));
        }
        return results;
    }

    static String markdown(List<BytesPerSession.Result> results) {
        StringBuilder md = new StringBuilder(
                "| layout | sessions per user | sessions | bytes per session | keys per session | mean `MEMORY USAGE` of a"
                        + " key |\n|---|---:|---:|---:|---:|---|\n");
        for (var r : results) {
            md.append("| %s | %d | %,d | %,.0f | %s | %s |\n"
                    .formatted(
                            r.store(),
                            r.sessionsPerUser(),
                            r.sessions(),
                            r.bytesPerSession(),
                            Targets.num(r.keysPerSession()),
                            r.breakdown()));
        }
        return md.toString();
    }
}
