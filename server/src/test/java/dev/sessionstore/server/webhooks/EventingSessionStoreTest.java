package dev.sessionstore.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionEvent.Type;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.memory.InMemorySessionStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventingSessionStoreTest {
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private final EventingSessionStore store = new EventingSessionStore(
            new InMemorySessionStore(SessionPolicy.defaults(), Clock.systemUTC()), events::add, Clock.systemUTC());

    @Test
    void createRotateRevoke_publishOneEventEach() {
        CreatedSession created =
                store.create(NewSession.builder().userId("alice").build());
        CreatedSession rotated = store.rotate(created.token());
        store.revoke(rotated.token());
        assertThat(events).extracting(SessionEvent::type).containsExactly(Type.CREATED, Type.ROTATED, Type.REVOKED);
        assertThat(events.get(0).sessionId()).isEqualTo(created.session().id());
        assertThat(events.get(1).previousId()).contains(created.session().id());
        assertThat(events.get(1).sessionId()).isEqualTo(rotated.session().id());
        assertThat(events.get(2).userId()).contains("alice");
    }

    @Test
    void update_namesTheChangedAttributes_andEveryEventHasItsOwnId() {
        CreatedSession created = store.create(NewSession.forUser("erin"));
        store.update(
                created.token(),
                SessionUpdate.builder()
                        .set("cart", JsonValue.of(2))
                        .remove("old")
                        .build());
        assertThat(events).extracting(SessionEvent::type).containsExactly(Type.CREATED, Type.UPDATED);
        assertThat(events.get(1).attributes()).containsExactlyInAnyOrder("cart", "old");
        assertThat(events.get(1).id()).isNotEqualTo(events.get(0).id());
    }

    @Test
    void revoke_ofADeadSession_publishesNothing() {
        CreatedSession created = store.create(NewSession.builder().build());
        store.revoke(created.token());
        store.revoke(created.token());
        store.revoke(created.session().id());
        assertThat(events).extracting(SessionEvent::type).containsExactly(Type.CREATED, Type.REVOKED);
        assertThat(events.get(1).userId()).isEmpty();
    }

    @Test
    void revokeByUser_publishesOneEventPerRevokedSessionButNotTheKeptOne() {
        CreatedSession keep = store.create(NewSession.builder().userId("bob").build());
        CreatedSession a = store.create(NewSession.builder().userId("bob").build());
        CreatedSession b = store.create(NewSession.builder().userId("bob").build());
        events.clear();
        assertThat(store.revokeByUser("bob", Optional.of(keep.session().id()))).hasSize(2);
        assertThat(events)
                .extracting(SessionEvent::sessionId)
                .containsExactlyInAnyOrder(a.session().id(), b.session().id());
        assertThat(events).allMatch(e -> e.type() == Type.REVOKED && e.userId().equals(Optional.of("bob")));
    }

    @Test
    void revokeById_namesTheUserOfTheRevokedSession() {
        CreatedSession created =
                store.create(NewSession.builder().userId("dave").build());
        events.clear();
        assertThat(store.revoke(created.session().id())).isPresent();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.REVOKED);
            assertThat(e.sessionId()).isEqualTo(created.session().id());
            assertThat(e.userId()).contains("dave");
        });
    }

    @Test
    void touchAndUpdate_publishNothing() {
        CreatedSession created =
                store.create(NewSession.builder().userId("carol").build());
        events.clear();
        store.touch(created.token());
        store.peek(created.token());
        assertThat(events).isEmpty();
    }
}
