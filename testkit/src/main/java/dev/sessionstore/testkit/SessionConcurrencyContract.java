package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.LONG;
import static dev.sessionstore.testkit.ContractSupport.assertDead;
import static dev.sessionstore.testkit.ContractSupport.ids;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Many threads on one store, with exact totals (after ShedLock's FuzzTester). Each run is bounded in time. */
public interface SessionConcurrencyContract extends StoreFixture {

    @Test
    default void concurrentUpdatesOfDifferentAttributes_loseNone() {
        int threads = 16;
        int perThread = 8;
        SessionStore store = openStore(
                SessionPolicy.defaults().withLimits(SessionLimits.defaults().withMaxAttributes(256)));
        SessionToken token =
                store.create(NewSession.builder().idleTimeout(LONG).build()).token();

        Fuzz.run(threads, t -> {
            for (int n = 0; n < perThread; n++) {
                store.update(
                        token,
                        SessionUpdate.builder()
                                .set("t" + t + "-" + n, JsonValue.of(n))
                                .build());
            }
        });

        Session end = store.peek(token).orElseThrow();
        assertThat(end.attributes()).hasSize(threads * perThread);
        for (int t = 0; t < threads; t++) {
            for (int n = 0; n < perThread; n++) {
                assertThat(end.attribute("t" + t + "-" + n)).contains(JsonValue.of(n));
            }
        }
        assertThat(end.version()).isEqualTo(1L + threads * perThread);
    }

    @Test
    default void counterIncrementedWithExpectedVersion_losesNoIncrement() {
        int threads = 8;
        int perThread = 20;
        SessionStore store = openStore(SessionPolicy.defaults());
        SessionToken token = store.create(NewSession.builder()
                        .attribute("counter", JsonValue.of(0))
                        .idleTimeout(LONG)
                        .build())
                .token();
        AtomicInteger conflicts = new AtomicInteger();
        long deadline = Fuzz.deadline();

        Fuzz.run(threads, t -> {
            for (int done = 0; done < perThread; ) {
                Fuzz.checkDeadline(deadline);
                Session s = store.peek(token).orElseThrow();
                long value = s.attribute("counter").orElseThrow().asLong().orElseThrow();
                SessionUpdate increment = SessionUpdate.builder()
                        .set("counter", JsonValue.of(value + 1))
                        .expectVersion(s.version())
                        .build();
                try {
                    store.update(token, increment);
                    done++;
                } catch (VersionConflictException e) {
                    conflicts.incrementAndGet();
                }
            }
        });

        Session end = store.peek(token).orElseThrow();
        assertThat(end.attribute("counter")).contains(JsonValue.of(threads * perThread));
        assertThat(end.version()).isEqualTo(1L + threads * perThread);
    }

    @Test
    default void revokeRacingUpdatesAndTouches_neverResurrects() {
        int updaters = 8;
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession created = store.create(NewSession.builder()
                .userId(user)
                .index("race", user)
                .idleTimeout(LONG)
                .build());
        SessionToken token = created.token();
        AtomicInteger successes = new AtomicInteger();
        AtomicBoolean revoked = new AtomicBoolean();
        ConcurrentLinkedQueue<String> lateSuccesses = new ConcurrentLinkedQueue<>();
        long deadline = Fuzz.deadline();

        Fuzz.run(updaters + 1, t -> {
            if (t == updaters) {
                while (successes.get() < 50) {
                    Fuzz.checkDeadline(deadline);
                    LockSupport.parkNanos(1_000_000);
                }
                assertThat(store.revoke(token)).isPresent();
                revoked.set(true);
                return;
            }
            int failuresAfterRevoke = 0;
            for (int n = 0; n < 5_000 && failuresAfterRevoke < 20; n++) {
                Fuzz.checkDeadline(deadline);
                boolean startedAfterRevoke = revoked.get();
                boolean succeeded = attempt(store, token, t, n);
                if (succeeded) {
                    successes.incrementAndGet();
                    if (startedAfterRevoke) {
                        lateSuccesses.add("thread " + t + " op " + n);
                    }
                } else if (startedAfterRevoke) {
                    failuresAfterRevoke++;
                }
            }
        });

        assertThat(lateSuccesses)
                .as("operations that succeeded after revoke returned")
                .isEmpty();
        assertThat(revoked).isTrue();
        assertDead(store, token);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> store.peek(token).isEmpty());
        assertThat(store.listByUser(user)).isEmpty();
        assertThat(store.listByIndex("race", user)).isEmpty();
        assertThat(store.revoke(created.session().id())).isEmpty();
    }

    /** One write or touch of the race; whether the session answered. */
    private static boolean attempt(SessionStore store, SessionToken token, int thread, int n) {
        if (n % 4 == 3) {
            return store.touch(token).isPresent();
        }
        try {
            store.update(
                    token,
                    SessionUpdate.builder().set("t" + thread, JsonValue.of(n)).build());
            return true;
        } catch (SessionNotFoundException e) {
            return false;
        }
    }

    @Test
    default void concurrentRotationsOfOneToken_exactlyOneWins() {
        int threads = 8;
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        SessionToken token = store.create(NewSession.forUser(user)).token();
        ConcurrentLinkedQueue<CreatedSession> winners = new ConcurrentLinkedQueue<>();
        AtomicInteger losers = new AtomicInteger();

        Fuzz.run(threads, t -> {
            try {
                winners.add(store.rotate(token));
            } catch (SessionNotFoundException e) {
                losers.incrementAndGet();
            }
        });

        assertThat(winners).hasSize(1);
        assertThat(losers).hasValue(threads - 1);
        CreatedSession winner = winners.peek();
        assertThat(ids(store.listByUser(user))).containsExactly(winner.session().id());
        assertThat(store.peek(winner.token()).orElseThrow().version()).isEqualTo(2);
        assertThat(store.peek(token)).isEmpty();
    }

    @Test
    default void concurrentCreatesAtTheCap_evictOldest_leaveExactlyTheCap() {
        int threads = 8;
        int rounds = 20;
        int cap = 2;
        SessionStore store = openStore(
                SessionPolicy.defaults().withLimits(SessionLimits.defaults().withMaxSessionsPerUser(cap)));
        List<String> users =
                Stream.generate(ContractSupport::uniqueUser).limit(rounds).toList();
        ConcurrentLinkedQueue<CreatedSession> created = new ConcurrentLinkedQueue<>();

        Fuzz.runRounds(threads, rounds, (t, r) -> created.add(store.create(NewSession.forUser(users.get(r)))));

        assertThat(created).hasSize(threads * rounds);
        for (String user : users) {
            assertThat(store.listByUser(user)).as(user).hasSize(cap);
            long live = created.stream()
                    .filter(c -> c.session().userId().orElseThrow().equals(user))
                    .filter(c -> store.peek(c.token()).isPresent())
                    .count();
            assertThat(live).as(user).isEqualTo(cap);
        }
    }

    @Test
    default void concurrentCreatesAtTheCap_refuse_admitExactlyTheCap() {
        int threads = 8;
        int rounds = 20;
        int cap = 2;
        SessionStore store = openStore(SessionPolicy.defaults()
                .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(cap))
                .withCapPolicy(CapPolicy.REFUSE));
        List<String> users =
                Stream.generate(ContractSupport::uniqueUser).limit(rounds).toList();
        AtomicIntegerArray admitted = new AtomicIntegerArray(rounds);
        AtomicInteger refused = new AtomicInteger();

        Fuzz.runRounds(threads, rounds, (t, r) -> {
            try {
                store.create(NewSession.forUser(users.get(r)));
                admitted.incrementAndGet(r);
            } catch (LimitExceededException e) {
                assertThat(e.limit()).isEqualTo("maxSessionsPerUser");
                refused.incrementAndGet();
            }
        });

        for (int r = 0; r < rounds; r++) {
            assertThat(admitted.get(r)).as("admitted in round " + r).isEqualTo(cap);
            assertThat(store.listByUser(users.get(r))).hasSize(cap);
        }
        assertThat(refused).hasValue((threads - cap) * rounds);
        assertThat(store.revokeByUser(users.get(0), Optional.empty())).hasSize(cap);
    }
}
