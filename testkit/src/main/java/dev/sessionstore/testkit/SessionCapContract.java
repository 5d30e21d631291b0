package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.OLDEST_FIRST;
import static dev.sessionstore.testkit.ContractSupport.ids;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-user cap under both {@link CapPolicy} values. */
public interface SessionCapContract extends StoreFixture {

    private SessionStore storeWithCap(int cap, CapPolicy policy) {
        return openStore(SessionPolicy.defaults()
                .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(cap))
                .withCapPolicy(policy));
    }

    @Test
    default void evictOldest_atTheCap_revokesTheEarliestCreated() {
        SessionStore store = storeWithCap(3, CapPolicy.EVICT_OLDEST);
        String user = uniqueUser();
        List<CreatedSession> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(store.create(
                    NewSession.builder().userId(user).index("cap", user).build()));
            passTime(Duration.ofMillis(20));
        }
        CreatedSession oldest = created.stream()
                .min((x, y) -> OLDEST_FIRST.compare(x.session(), y.session()))
                .orElseThrow();

        CreatedSession newest = store.create(NewSession.forUser(user));

        assertThat(store.peek(oldest.token())).isEmpty();
        assertThat(store.peek(newest.token())).isPresent();
        List<Session> listed = store.listByUser(user);
        assertThat(listed).hasSize(3);
        assertThat(ids(listed))
                .contains(newest.session().id())
                .doesNotContain(oldest.session().id());
        assertThat(ids(store.listByIndex("cap", user)))
                .hasSize(2)
                .doesNotContain(oldest.session().id());
    }

    @Test
    default void evictOldest_keepsEvictingOnEachCreate() {
        SessionStore store = storeWithCap(2, CapPolicy.EVICT_OLDEST);
        String user = uniqueUser();
        List<CreatedSession> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(store.create(NewSession.forUser(user)));
            passTime(Duration.ofMillis(20));
        }

        assertThat(store.listByUser(user)).hasSize(2);
        long live =
                created.stream().filter(c -> store.peek(c.token()).isPresent()).count();
        assertThat(live).isEqualTo(2);
        assertThat(store.peek(created.get(5).token())).isPresent();
    }

    @Test
    default void refuse_atTheCap_throwsNamingTheLimit_andWritesNothing() {
        SessionStore store = storeWithCap(2, CapPolicy.REFUSE);
        String user = uniqueUser();
        CreatedSession a = store.create(NewSession.forUser(user));
        CreatedSession b = store.create(NewSession.forUser(user));

        assertThatThrownBy(() -> store.create(
                        NewSession.builder().userId(user).index("refused", user).build()))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxSessionsPerUser"));

        assertThat(ids(store.listByUser(user)))
                .containsExactlyInAnyOrder(a.session().id(), b.session().id());
        assertThat(store.listByIndex("refused", user)).isEmpty();
        assertThat(store.peek(a.token())).isPresent();
        assertThat(store.peek(b.token())).isPresent();
    }

    @Test
    default void refuse_afterARevoke_admitsOneMore() {
        SessionStore store = storeWithCap(1, CapPolicy.REFUSE);
        String user = uniqueUser();
        CreatedSession a = store.create(NewSession.forUser(user));
        assertThatThrownBy(() -> store.create(NewSession.forUser(user))).isInstanceOf(LimitExceededException.class);

        store.revoke(a.token());
        CreatedSession b = store.create(NewSession.forUser(user));

        assertThat(ids(store.listByUser(user))).containsExactly(b.session().id());
        store.revokeByUser(user, Optional.empty());
        assertThat(store.create(NewSession.forUser(user)).session().userId()).contains(user);
    }

    @Test
    default void cap_countsPerUser_andNotAnonymousSessions() {
        SessionStore store = storeWithCap(1, CapPolicy.REFUSE);
        String user = uniqueUser();
        store.create(NewSession.forUser(user));

        store.create(NewSession.forUser(uniqueUser()));
        store.create(NewSession.anonymous());
        store.create(NewSession.anonymous());

        assertThat(store.listByUser(user)).hasSize(1);
    }

    @Test
    default void rotate_atTheCap_isNotACreate() {
        SessionStore store = storeWithCap(1, CapPolicy.REFUSE);
        String user = uniqueUser();
        CreatedSession a = store.create(NewSession.forUser(user));

        CreatedSession rotated = store.rotate(a.token());

        assertThat(ids(store.listByUser(user)))
                .containsExactly(rotated.session().id());
    }
}
