package dev.sessionstore.bench;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions that touch, update and list use: {@code users} users with {@link #SESSIONS_PER_USER}
 * sessions each, created before any measurement and never revoked.
 */
record Pool(Object[] handles, int users, String userPrefix) {
    static final int SESSIONS_PER_USER = 3;

    /** Creates the pool; its users are {@code userPrefix + i}. */
    static Pool create(Target target, int users, String userPrefix) {
        Object[] handles = new Object[users * SESSIONS_PER_USER];
        AtomicInteger next = new AtomicInteger();
        PhaseResult r = PhaseRunner.run(4, Duration.ofHours(1), t -> () -> {
            int i = next.getAndIncrement();
            if (i >= handles.length) {
                return false;
            }
            handles[i] = target.create(userPrefix + (i % users));
            return true;
        });
        if (r.errors() > 0) {
            throw new IllegalStateException(target.name() + ": could not create the pool: " + r.firstError());
        }
        return new Pool(handles, users, userPrefix);
    }

    String randomUser(SplittableRandom r) {
        return userPrefix + r.nextInt(users);
    }

    Object random(SplittableRandom r) {
        return handles[r.nextInt(handles.length)];
    }
}
