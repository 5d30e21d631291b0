package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.LONG;
import static dev.sessionstore.testkit.ContractSupport.SHORT;
import static dev.sessionstore.testkit.ContractSupport.assertDead;
import static dev.sessionstore.testkit.ContractSupport.ids;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static dev.sessionstore.testkit.ExpiryCheck.assertGoneAt;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Idle and absolute expiry: a session is gone at {@code min(lastAccessedAt + idle, absoluteExpiresAt)},
 * exactly (there just before, gone within {@link ExpiryCheck#LATE_BOUND} after, on the store's clock),
 * everywhere at once, and nothing brings it back. On a real server each test here waits one to two seconds.
 */
public interface SessionExpiryContract extends StoreFixture {

    @Test
    default void expiresAt_isTheEarlierOfIdleAndAbsoluteDeadline() {
        SessionStore store = openStore(SessionPolicy.defaults());
        Session idleFirst = store.create(NewSession.builder()
                        .idleTimeout(Duration.ofHours(1))
                        .absoluteTimeout(Duration.ofHours(2))
                        .build())
                .session();
        Session absoluteFirst = store.create(NewSession.builder()
                        .idleTimeout(Duration.ofHours(2))
                        .absoluteTimeout(Duration.ofHours(1))
                        .build())
                .session();

        assertThat(idleFirst.expiresAt()).isEqualTo(idleFirst.lastAccessedAt().plus(Duration.ofHours(1)));
        assertThat(absoluteFirst.expiresAt()).isEqualTo(absoluteFirst.absoluteExpiresAt());
        assertThat(absoluteFirst.absoluteExpiresAt())
                .isEqualTo(absoluteFirst.createdAt().plus(Duration.ofHours(1)));
    }

    @Test
    default void idleSession_isGoneEverywhere_andWritesNeverResurrectIt() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession idle = store.create(NewSession.builder()
                .userId(user)
                .index("tenant", user)
                .idleTimeout(SHORT)
                .build());
        CreatedSession kept = store.create(NewSession.builder()
                .userId(user)
                .index("tenant", user)
                .idleTimeout(LONG)
                .build());
        assertThat(store.listByUser(user)).hasSize(2);

        assertGoneAt(this, store, idle.token(), idle.session().expiresAt());

        assertDead(store, idle.token());
        assertThat(store.revoke(idle.session().id())).isEmpty();
        assertThat(ids(store.listByUser(user))).containsExactly(kept.session().id());
        assertThat(ids(store.listByIndex("tenant", user)))
                .containsExactly(kept.session().id());
        assertThat(store.revokeByUser(user, Optional.of(kept.session().id()))).isEmpty();
        assertThat(store.peek(kept.token())).isPresent();
    }

    @Test
    default void touch_neverExtendsTheAbsoluteDeadline() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession created = store.create(NewSession.builder()
                .idleTimeout(LONG)
                .absoluteTimeout(Duration.ofSeconds(2))
                .build());
        Session first = created.session();
        assertThat(first.expiresAt()).isEqualTo(first.absoluteExpiresAt());

        passUntil(first.absoluteExpiresAt().minusSeconds(1));
        Session touched = store.touch(created.token()).orElseThrow();
        assertThat(touched.lastAccessedAt()).isAfter(first.lastAccessedAt());
        assertThat(touched.absoluteExpiresAt()).isEqualTo(first.absoluteExpiresAt());
        assertThat(touched.expiresAt()).isEqualTo(first.absoluteExpiresAt());

        assertGoneAt(this, store, created.token(), first.absoluteExpiresAt());
        assertThat(store.touch(created.token())).isEmpty();
        assertDead(store, created.token());
    }

    @Test
    default void expiredSessions_doNotCountTowardTheCap() {
        SessionLimits limits = SessionLimits.defaults().withMaxSessionsPerUser(1);
        SessionStore store =
                openStore(SessionPolicy.defaults().withLimits(limits).withCapPolicy(CapPolicy.REFUSE));
        String user = uniqueUser();
        CreatedSession first = store.create(
                NewSession.builder().userId(user).idleTimeout(SHORT).build());
        assertThatThrownBy(() -> store.create(NewSession.forUser(user))).isInstanceOf(LimitExceededException.class);

        assertGoneAt(this, store, first.token(), first.session().expiresAt());

        CreatedSession second = store.create(NewSession.forUser(user));
        assertThat(ids(store.listByUser(user))).containsExactly(second.session().id());
        assertThat(store.peek(first.token())).isEmpty();
    }
}
