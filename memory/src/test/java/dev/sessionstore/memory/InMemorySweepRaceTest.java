package dev.sessionstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sweeper racing touches never removes a session that was touched within its idle timeout. */
class InMemorySweepRaceTest {
    private static final int SESSIONS = 200;
    private static final int TOUCHERS = 4;
    private static final int STEPS = 30;

    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(SessionPolicy.defaults(), clock);

    @Test
    void sweepRacingTouches_neverRemovesALiveSession() throws Exception {
        List<SessionToken> tokens = IntStream.range(0, SESSIONS)
                .mapToObj(i -> store.create(NewSession.builder()
                                .idleTimeout(Duration.ofSeconds(3))
                                .build())
                        .token())
                .toList();
        AtomicIntegerArray rounds = new AtomicIntegerArray(TOUCHERS);
        AtomicBoolean done = new AtomicBoolean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ExecutorService pool = Executors.newFixedThreadPool(TOUCHERS);

        List<CompletableFuture<Integer>> touchers = IntStream.range(0, TOUCHERS)
                .mapToObj(t -> CompletableFuture.supplyAsync(
                        () -> {
                            int lost = 0;
                            while (!done.get() && System.nanoTime() < deadline) {
                                for (SessionToken token : tokens) {
                                    lost += store.touch(token).isPresent() ? 0 : 1;
                                }
                                rounds.incrementAndGet(t);
                            }
                            return lost;
                        },
                        pool))
                .toList();
        int purged = 0;
        for (int step = 0; step < STEPS; step++) {
            awaitOneMoreRoundOfEveryToucher(rounds, deadline);
            clock.advance(Duration.ofSeconds(1));
            purged += store.purgeExpired();
        }
        done.set(true);

        for (CompletableFuture<Integer> toucher : touchers) {
            assertThat(toucher.get(30, TimeUnit.SECONDS))
                    .as("touches that found the session gone")
                    .isZero();
        }
        assertThat(purged).isZero();
        assertThat(tokens).allSatisfy(t -> assertThat(store.peek(t)).isPresent());
        assertThat(store.footprint().sessions()).isEqualTo(SESSIONS);
        assertThat(store.footprint().expiryMarks()).isEqualTo(SESSIONS);
    }

    /** Waits until every toucher has touched every session once more since now, so none is idle for a full step. */
    private static void awaitOneMoreRoundOfEveryToucher(AtomicIntegerArray rounds, long deadline) {
        int[] seen = new int[rounds.length()];
        for (int t = 0; t < seen.length; t++) {
            seen[t] = rounds.get(t);
        }
        for (int t = 0; t < seen.length; t++) {
            while (rounds.get(t) < seen[t] + 2) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("touchers did not finish a round in time");
                }
                LockSupport.parkNanos(100_000);
            }
        }
    }
}
