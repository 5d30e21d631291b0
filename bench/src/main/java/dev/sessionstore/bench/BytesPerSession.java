package dev.sessionstore.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures how much the backing store grows per session: Redis {@code used_memory} ({@code INFO
 * memory}) on an emptied server, PostgreSQL {@code pg_total_relation_size} of the user tables, or the
 * JVM heap after garbage collection (approximate: the heap holds other objects too). Sessions are those
 * of the workload: a user id ({@link Workload#user}, {@code user-<n>}, or a 36-character UUID) and three
 * 20-character attributes.
 */
final class BytesPerSession {
    private static final int THREADS = 16;

    private BytesPerSession() {}

    /**
     * @param store the target's name
     * @param sessions how many sessions were created
     * @param sessionsPerUser sessions sharing one user id
     * @param bytesPerSession growth divided by sessions
     * @param keysPerSession Redis keys per session, or NaN for other backings
     * @param method how the growth was measured
     * @param breakdown for Redis, the mean {@code MEMORY USAGE} of a sample of keys by type; else empty
     */
    record Result(
            String store,
            int sessions,
            int sessionsPerUser,
            double bytesPerSession,
            double keysPerSession,
            String method,
            String breakdown) {}

    static Result measure(Backends backends, String name, int sessions, int sessionsPerUser) {
        return measure(backends, name, sessions, sessionsPerUser, false);
    }

    /** As above; with {@code uuidUsers} the user ids are 36-character UUIDs and the result's store says so. */
    static Result measure(Backends backends, String name, int sessions, int sessionsPerUser, boolean uuidUsers) {
        Target target = backends.newTarget(name);
        try {
            Result r = switch (target.backing()) {
                case REDIS -> redis(backends.redis(), target, sessions, sessionsPerUser, uuidUsers);
                case POSTGRES ->
                    postgres(backends.postgres().orElseThrow(), target, sessions, sessionsPerUser, uuidUsers);
                case HEAP -> heap(target, sessions, sessionsPerUser, uuidUsers);
            };
            return uuidUsers
                    ? new Result(
                            r.store() + " (UUID user ids)",
                            r.sessions(),
                            r.sessionsPerUser(),
                            r.bytesPerSession(),
                            r.keysPerSession(),
                            r.method(),
                            r.breakdown())
                    : r;
        } finally {
            target.close();
        }
    }

    private static Result redis(RedisProbe redis, Target target, int n, int perUser, boolean uuid) {
        target.create("warm-up");
        redis.flushAll();
        long before = redis.usedMemory();
        createAll(target, n, perUser, uuid);
        long after = redis.usedMemory();
        long keys = redis.keys();
        String breakdown = redis.memoryUsageByType(200);
        redis.flushAll();
        return new Result(
                target.name(),
                n,
                perUser,
                (after - before) / (double) n,
                keys / (double) n,
                "INFO memory used_memory",
                breakdown);
    }

    private static Result postgres(Postgres pg, Target target, int n, int perUser, boolean uuid) {
        target.create("warm-up");
        long before = pg.relationBytes();
        createAll(target, n, perUser, uuid);
        long after = pg.relationBytes();
        return new Result(
                target.name(), n, perUser, (after - before) / (double) n, Double.NaN, "pg_total_relation_size", "");
    }

    private static Result heap(Target target, int n, int perUser, boolean uuid) {
        target.create("warm-up");
        long before = heapAfterGc();
        createAll(target, n, perUser, uuid);
        long after = heapAfterGc();
        Reference.reachabilityFence(target);
        return new Result(
                target.name(),
                n,
                perUser,
                (after - before) / (double) n,
                Double.NaN,
                "heap after GC (approximate)",
                "");
    }

    private static void createAll(Target target, int n, int perUser, boolean uuid) {
        AtomicInteger next = new AtomicInteger();
        PhaseResult r = PhaseRunner.run(THREADS, Duration.ofHours(1), t -> () -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return false;
            }
            int user = i / perUser;
            target.create(uuid ? new UUID(0x5e55_1057L, user).toString() : Workload.user(user));
            return true;
        });
        if (r.errors() > 0) {
            throw new IllegalStateException(
                    target.name() + ": " + r.errors() + " of " + n + " creates failed: " + r.firstError());
        }
    }

    static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
