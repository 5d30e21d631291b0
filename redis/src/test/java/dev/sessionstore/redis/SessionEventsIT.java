package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionEvent.Type;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event outbox on a real redis-server: each change writes exactly its event in its own script (and a refused
 * change none), events never carry a token, a consumer group delivers at least once across consumers, and {@code
 * expireDue} gives every session exactly one {@code expired} event, never before its expiry.
 */
class SessionEventsIT {
    private static final Duration CLAIM = Duration.ofMillis(300);

    private RedisServerProcess redis;
    private RedisProbe probe;
    private RedisSessionStore store;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
        probe = new RedisProbe(redis.uri());
        store = store(SessionPolicy.defaults()
                .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(2))
                .withCapPolicy(CapPolicy.EVICT_OLDEST));
    }

    private RedisSessionStore store(SessionPolicy policy) {
        return RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .policy(policy)
                .events(true)
                .build();
    }

    @AfterEach
    void stop() {
        store.close();
        probe.close();
        redis.close();
    }

    @Test
    void everyChangeWritesItsEvent_andAFailedChangeNone() {
        SessionEventConsumer consumer = store.events().consumer("audit", "c1", CLAIM);
        CreatedSession a = store.create(NewSession.forUser("alice"));
        CreatedSession anon = store.create(NewSession.anonymous());
        store.update(
                a.token(),
                SessionUpdate.builder()
                        .set("cart", JsonValue.of("3 items"))
                        .remove("gone")
                        .build());
        assertThatThrownBy(() -> store.update(
                        a.token(),
                        SessionUpdate.builder()
                                .set("x", JsonValue.of(1))
                                .expectVersion(99)
                                .build()))
                .isInstanceOf(VersionConflictException.class);
        CreatedSession rotated = store.rotate(a.token());
        CreatedSession b = store.create(NewSession.forUser("alice"));
        CreatedSession c = store.create(NewSession.forUser("alice")); // cap 2: evicts the oldest (rotated)
        List<SessionId> revokedByUser =
                store.revokeByUser("alice", Optional.of(c.session().id()));
        store.revoke(anon.token());
        store.revoke(anon.token()); // already gone: no second event

        List<SessionEvent> events = pollAll(consumer);
        assertThat(events)
                .extracting(SessionEvent::type, SessionEvent::sessionId)
                .containsExactlyInAnyOrder(
                        tuple(Type.CREATED, a.session().id()),
                        tuple(Type.CREATED, anon.session().id()),
                        tuple(Type.UPDATED, a.session().id()),
                        tuple(Type.ROTATED, rotated.session().id()),
                        tuple(Type.CREATED, b.session().id()),
                        tuple(Type.EVICTED, rotated.session().id()),
                        tuple(Type.CREATED, c.session().id()),
                        tuple(Type.REVOKED, b.session().id()),
                        tuple(Type.REVOKED, anon.session().id()));
        assertThat(revokedByUser).containsExactly(b.session().id());
        SessionEvent update = only(events, Type.UPDATED);
        assertThat(update.attributes()).containsExactlyInAnyOrder("cart", "gone");
        assertThat(update.userId()).contains("alice");
        SessionEvent rotation = only(events, Type.ROTATED);
        assertThat(rotation.previousId()).contains(a.session().id());
        assertThat(events.stream()
                        .filter(e -> e.sessionId().equals(anon.session().id())))
                .allSatisfy(e -> assertThat(e.userId()).isEmpty());
        assertThat(events.stream().map(SessionEvent::id).distinct()).hasSize(events.size());
        // per session, in order: the events of one session share its tag's stream
        assertThat(events.stream()
                        .filter(e -> e.sessionId().equals(a.session().id()))
                        .map(SessionEvent::type))
                .containsExactly(Type.CREATED, Type.UPDATED);
        consumer.ack(events);
        assertThat(store.events().backlog("audit")).isZero();
        assertThat(consumer.poll(100)).isEmpty();
    }

    @Test
    void noEventHoldsAToken() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CreatedSession s = store.create(NewSession.forUser("u" + i));
            tokens.add(s.token().reveal());
            tokens.add(store.rotate(s.token()).token().reveal());
        }
        StringBuilder all = new StringBuilder();
        for (String tag : RedisKeys.TAGS) {
            for (StreamMessage<String, String> m :
                    probe.redis().xrange("ss:{" + tag + "}:e", io.lettuce.core.Range.create("-", "+"))) {
                all.append(m.getBody()).append('\n');
            }
        }
        assertThat(all).contains("created", "rotated");
        for (String token : tokens) {
            assertThat(all.toString()).doesNotContain(token);
        }
    }

    @Test
    void refusedCreateWritesNoEvent() {
        RedisSessionStore refusing = store(SessionPolicy.defaults()
                .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(1))
                .withCapPolicy(CapPolicy.REFUSE));
        try (refusing) {
            SessionEventConsumer consumer = refusing.events().consumer("g", "c", CLAIM);
            refusing.create(NewSession.forUser("bob"));
            assertThatThrownBy(() -> refusing.create(NewSession.forUser("bob")))
                    .isInstanceOf(LimitExceededException.class);
            assertThat(pollAll(consumer)).extracting(SessionEvent::type).containsExactly(Type.CREATED);
        }
    }

    @Test
    void eventsNotAcknowledgedAreTakenOverByAnotherConsumer() throws InterruptedException {
        SessionEventConsumer dying = store.events().consumer("hooks", "a", CLAIM);
        SessionEventConsumer survivor = store.events().consumer("hooks", "b", CLAIM);
        for (int i = 0; i < 50; i++) {
            store.create(NewSession.forUser("user" + i));
        }
        List<SessionEvent> lost = pollAll(dying); // read, never acknowledged: the consumer "dies"
        assertThat(lost).hasSize(50);
        assertThat(survivor.poll(100)).isEmpty(); // each new event goes to one consumer of the group
        assertThat(store.events().backlog("hooks")).isEqualTo(50);
        Thread.sleep(CLAIM.toMillis() + 100);
        List<SessionEvent> taken = pollAll(survivor);
        assertThat(taken).extracting(SessionEvent::id).containsExactlyInAnyOrderElementsOf(ids(lost));
        survivor.ack(taken);
        assertThat(store.events().backlog("hooks")).isZero();
        // another group sees every event too
        assertThat(pollAll(store.events().consumer("audit", "x", CLAIM))).hasSize(50);
    }

    @Test
    void everyShortSessionExpiresOnce_neverEarly() throws InterruptedException {
        SessionEventConsumer consumer = store.events().consumer("g", "c", CLAIM);
        List<CreatedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            NewSession.Builder spec = NewSession.builder().idleTimeout(Duration.ofSeconds(1));
            if (i % 2 == 0) {
                spec.userId("user" + i);
            }
            sessions.add(store.create(spec.build()));
        }
        Thread.sleep(300);
        // a touch moves the expiry: the event must follow it
        Session touched = store.touch(sessions.get(0).token()).orElseThrow();
        Map<SessionId, Session> expected = new HashMap<>();
        sessions.forEach(s -> expected.put(s.session().id(), s.session()));
        expected.put(touched.id(), touched);
        List<SessionEvent> expired = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (expired.size() < expected.size() && System.nanoTime() < deadline) {
            store.events().expireDue();
            List<SessionEvent> batch = consumer.poll(1000);
            batch.stream().filter(e -> e.type() == Type.EXPIRED).forEach(expired::add);
            consumer.ack(batch);
            Thread.sleep(100);
        }
        assertThat(expired).extracting(SessionEvent::sessionId).containsExactlyInAnyOrderElementsOf(expected.keySet());
        Instant now = Instant.now();
        for (SessionEvent e : expired) {
            Session s = expected.get(e.sessionId());
            assertThat(e.time()).isBefore(now).isEqualTo(s.expiresAt());
            assertThat(e.userId()).isEqualTo(s.userId());
        }
        assertThat(store.events().expireDue()).isZero(); // once each
        assertThat(probe.redis().keys("ss:{*}:[^et]*")).isEmpty(); // hashes and index entries gone with them
    }

    private static List<SessionEvent> pollAll(SessionEventConsumer consumer) {
        List<SessionEvent> all = new ArrayList<>();
        List<SessionEvent> batch;
        do {
            batch = consumer.poll(100);
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    private static SessionEvent only(List<SessionEvent> events, Type type) {
        return events.stream()
                .filter(e -> e.type() == type)
                .reduce((x, y) -> {
                    throw new AssertionError("two events of type " + type);
                })
                .orElseThrow();
    }

    private static List<String> ids(List<SessionEvent> events) {
        return events.stream().map(SessionEvent::id).toList();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
