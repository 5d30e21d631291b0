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
    /** Percent of touches in the web mix; the rest is half creates, half updates. */
    static final int MIX_TOUCH = 90;

    static final int MIX_CREATE = 5;

    private Workers() {}

    /**
     * The touch-heavy web mix: {@link #MIX_TOUCH}% touch and {@link #MIX_CREATE}% update of random pool
     * sessions, {@link #MIX_CREATE}% create of a fresh user's session (kept in {@code made} for revoking).
     */
    static IntFunction<PhaseRunner.Task> mix(Target t, Pool pool, List<ArrayDeque<Object>> made, String tag) {
        return i -> {
            SplittableRandom r = new SplittableRandom(tag.hashCode() * 31L + i);
            long[] n = {0};
            ArrayDeque<Object> mine = made.get(i);
            String prefix = tag + "-m" + i + "-";
            return () -> {
                int k = r.nextInt(100);
                if (k < MIX_TOUCH) {
                    t.touch(pool.random(r));
                } else if (k < MIX_TOUCH + MIX_CREATE) {
                    mine.add(t.create(prefix + n[0]++));
                } else {
                    t.update(pool.random(r), Workload.value(r.nextLong()));
                }
                return true;
            };
        };
    }

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
