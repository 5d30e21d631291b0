package dev.sessionstore.bench;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The per-thread tasks of each operation. Creates make fresh users (so no per-user cap is reached) and
 * keep their handles; the revoke phase that follows revokes exactly those. Touch and update pick a
 * random pool session; list picks a random pool user (three sessions each).
 */
final class Workers {
    private Workers() {}

    /**
     * @param made one queue per thread: filled by CREATE, drained by REVOKE
     * @param limit most operations per thread (creates are bounded so the in-memory store fits the heap)
     */
    static IntFunction<PhaseRunner.Task> tasks(
            Target t, Op op, Pool pool, List<ArrayDeque<Object>> made, String tag, long limit) {
        return i -> {
            SplittableRandom r = new SplittableRandom(tag.hashCode() * 31L + i);
            long[] n = {0};
            ArrayDeque<Object> mine = made.get(i);
            String prefix = tag + "-" + i + "-";
            PhaseRunner.Task task = switch (op) {
                case CREATE ->
                    () -> {
                        mine.add(t.create(prefix + n[0]));
                        return true;
                    };
                case TOUCH ->
                    () -> {
                        t.touch(pool.random(r));
                        return true;
                    };
                case UPDATE ->
                    () -> {
                        t.update(pool.random(r), Workload.value(r.nextLong()));
                        return true;
                    };
                case LIST ->
                    () -> {
                        t.list(pool.randomUser(r));
                        return true;
                    };
                case REVOKE ->
                    () -> {
                        Object h = mine.poll();
                        if (h == null) {
                            return false;
                        }
                        t.revoke(h);
                        return true;
                    };
            };
            return () -> n[0]++ < limit && task.next();
        };
    }
}
