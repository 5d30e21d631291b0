package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.OLDEST_FIRST;
import static dev.sessionstore.testkit.ContractSupport.ids;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing and revoking a user's sessions, and looking sessions up by an index value. */
public interface SessionListingContract extends StoreFixture {

    @Test
    default void listByUser_returnsOnlyThatUsersLiveSessions_oldestFirst() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        List<Session> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(store.create(NewSession.forUser(user)).session());
            passTime(Duration.ofMillis(20));
        }
        store.create(NewSession.forUser(user + "{x}"));
        store.create(NewSession.forUser(user.toUpperCase()));
        store.create(NewSession.anonymous());

        List<Session> listed = store.listByUser(user);

        assertThat(listed).isSortedAccordingTo(OLDEST_FIRST);
        assertThat(ids(listed))
                .containsExactlyElementsOf(
                        ids(created.stream().sorted(OLDEST_FIRST).toList()));
        assertThat(listed).allSatisfy(s -> assertThat(s.userId()).contains(user));
        assertThat(store.listByUser(uniqueUser())).isEmpty();
    }

    @Test
    default void listByUser_omitsRevokedSessions() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession a = store.create(NewSession.forUser(user));
        CreatedSession b = store.create(NewSession.forUser(user));
        CreatedSession c = store.create(NewSession.forUser(user));

        store.revoke(a.token());
        store.revoke(c.session().id());

        assertThat(ids(store.listByUser(user))).containsExactly(b.session().id());
    }

    @Test
    default void revokeByUser_withoutKeep_revokesAllOfThatUserOnly() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        String other = uniqueUser();
        List<CreatedSession> mine = List.of(
                store.create(NewSession.forUser(user)),
                store.create(NewSession.forUser(user)),
                store.create(NewSession.forUser(user)));
        CreatedSession theirs = store.create(NewSession.forUser(other));

        assertThat(store.revokeByUser(user, Optional.empty()))
                .containsExactlyInAnyOrderElementsOf(
                        mine.stream().map(c -> c.session().id()).toList());

        assertThat(mine).allSatisfy(c -> assertThat(store.peek(c.token())).isEmpty());
        assertThat(store.listByUser(user)).isEmpty();
        assertThat(store.peek(theirs.token())).isPresent();
        assertThat(ids(store.listByUser(other)))
                .containsExactly(theirs.session().id());
        assertThat(store.revokeByUser(user, Optional.empty())).isEmpty();
    }

    @Test
    default void revokeByUser_withKeep_sparesThatSession() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession a = store.create(NewSession.forUser(user));
        CreatedSession keep = store.create(NewSession.forUser(user));
        CreatedSession c = store.create(NewSession.forUser(user));

        assertThat(store.revokeByUser(user, Optional.of(keep.session().id())))
                .containsExactlyInAnyOrder(a.session().id(), c.session().id());

        assertThat(store.peek(a.token())).isEmpty();
        assertThat(store.peek(c.token())).isEmpty();
        assertThat(store.peek(keep.token())).isPresent();
        assertThat(ids(store.listByUser(user))).containsExactly(keep.session().id());
    }

    @Test
    default void revokeByUser_keepingAnotherUsersSession_revokesAllAndSparesTheOther() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession mine = store.create(NewSession.forUser(user));
        CreatedSession theirs = store.create(NewSession.forUser(uniqueUser()));

        assertThat(store.revokeByUser(user, Optional.of(theirs.session().id())))
                .containsExactly(mine.session().id());

        assertThat(store.peek(mine.token())).isEmpty();
        assertThat(store.peek(theirs.token())).isPresent();
    }

    @Test
    default void listByIndex_returnsLiveSessionsWithThatValue_oldestFirst() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String tenant = uniqueUser();
        CreatedSession a = store.create(NewSession.builder()
                .index("tenant", tenant)
                .index("device", "phone")
                .build());
        passTime(Duration.ofMillis(20));
        CreatedSession b = store.create(NewSession.builder()
                .userId(uniqueUser())
                .index("tenant", tenant)
                .build());
        store.create(NewSession.builder().index("tenant", tenant + "-other").build());
        store.create(NewSession.builder().index("device", tenant).build());

        List<Session> listed = store.listByIndex("tenant", tenant);

        assertThat(listed).isSortedAccordingTo(OLDEST_FIRST);
        assertThat(ids(listed))
                .containsExactlyInAnyOrder(a.session().id(), b.session().id());
        assertThat(store.listByIndex("tenant", "nobody-" + tenant)).isEmpty();
        assertThat(ids(store.listByIndex("device", "phone")))
                .contains(a.session().id());
    }

    @Test
    default void listByIndex_omitsRevokedSessions() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String value = uniqueUser();
        String user = uniqueUser();
        CreatedSession a =
                store.create(NewSession.builder().index("team", value).build());
        CreatedSession b = store.create(
                NewSession.builder().userId(user).index("team", value).build());
        CreatedSession c = store.create(
                NewSession.builder().userId(user).index("team", value).build());

        store.revoke(a.token());
        store.revokeByUser(user, Optional.of(c.session().id()));

        assertThat(ids(store.listByIndex("team", value)))
                .containsExactly(c.session().id());
        assertThat(store.peek(b.token())).isEmpty();
    }

    @Test
    default void malformedUserIdOrIndexName_isRejected() {
        SessionStore store = openStore(SessionPolicy.defaults());

        assertThatThrownBy(() -> store.listByUser("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.revokeByUser("", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listByIndex("bad name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listByIndex("tenant", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
