package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.LONG;
import static dev.sessionstore.testkit.ContractSupport.SHORT;
import static dev.sessionstore.testkit.ContractSupport.assertDead;
import static dev.sessionstore.testkit.ContractSupport.ids;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static dev.sessionstore.testkit.ExpiryCheck.assertGoneAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Create, peek, touch, update, rotate and revoke of one session, and how each moves the version. */
public interface SessionLifecycleContract extends StoreFixture {

    @Test
    default void create_storesWhatWasAsked_atVersionOne() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession created = store.create(NewSession.builder()
                .userId(user)
                .attribute("cart", JsonValue.parse("[1,2]"))
                .index("tenant", "acme")
                .idleTimeout(Duration.ofMinutes(5))
                .absoluteTimeout(Duration.ofHours(1))
                .build());

        Session s = created.session();
        assertThat(s.id()).isEqualTo(created.token().id());
        assertThat(created.token().tag()).isEqualTo(SessionToken.tagFor(user));
        assertThat(s.userId()).contains(user);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.attributes()).isEqualTo(Map.of("cart", JsonValue.parse("[1,2]")));
        assertThat(s.indexes()).isEqualTo(Map.of("tenant", "acme"));
        assertThat(s.lastAccessedAt()).isEqualTo(s.createdAt());
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.absoluteExpiresAt()).isEqualTo(s.createdAt().plus(Duration.ofHours(1)));
        assertThat(s.expiresAt()).isEqualTo(s.createdAt().plus(Duration.ofMinutes(5)));
        assertThat(s.createdAt().getNano() % 1_000_000)
                .as("millisecond precision")
                .isZero();
        assertThat(store.peek(created.token())).contains(s);
    }

    @Test
    default void create_anonymousWithoutTimeouts_takesPolicyDefaults() {
        SessionPolicy policy = SessionPolicy.defaults();
        SessionStore store = openStore(policy);
        CreatedSession created = store.create(NewSession.anonymous());

        Session s = created.session();
        assertThat(s.userId()).isEmpty();
        assertThat(s.attributes()).isEmpty();
        assertThat(s.indexes()).isEmpty();
        assertThat(s.idleTimeout()).isEqualTo(policy.timeouts().defaultIdle());
        assertThat(s.absoluteExpiresAt())
                .isEqualTo(s.createdAt().plus(policy.timeouts().defaultAbsolute()));
        assertThat(store.peek(created.token())).contains(s);
    }

    @Test
    default void create_everyTimeGivesADistinctTokenAndId() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession a = store.create(NewSession.anonymous());
        CreatedSession b = store.create(NewSession.anonymous());

        assertThat(a.token()).isNotEqualTo(b.token());
        assertThat(a.session().id()).isNotEqualTo(b.session().id());
    }

    @Test
    default void peek_changesNothing() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession created =
                store.create(NewSession.builder().idleTimeout(SHORT).build());
        passTime(Duration.ofMillis(500));

        assertThat(store.peek(created.token())).contains(created.session());
        assertThat(store.peek(created.token())).contains(created.session());
        // the peeks did not slide it: still there just before its first deadline and gone right after it
        assertGoneAt(this, store, created.token(), created.session().expiresAt());
    }

    @Test
    default void touch_slidesIdleExpiry_keepsVersion() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession created = store.create(
                NewSession.builder().idleTimeout(Duration.ofSeconds(2)).build());
        Session first = created.session();
        passTime(Duration.ofSeconds(1));

        Session touched = store.touch(created.token()).orElseThrow();
        assertThat(touched.version()).isEqualTo(1);
        assertThat(touched.lastAccessedAt())
                .as("the touch's own time, at least the second that passed")
                .isAfterOrEqualTo(first.lastAccessedAt().plusSeconds(1))
                .isBeforeOrEqualTo(storeClock().instant());
        assertThat(touched.expiresAt()).isEqualTo(touched.lastAccessedAt().plusSeconds(2));
        assertThat(touched.createdAt()).isEqualTo(first.createdAt());

        passUntil(first.expiresAt().plusMillis(200));
        assertThat(store.peek(created.token()))
                .as("alive past the first idle deadline because it was touched")
                .hasValueSatisfying(s -> assertThat(s.lastAccessedAt()).isEqualTo(touched.lastAccessedAt()));
        assertGoneAt(this, store, created.token(), touched.expiresAt());
    }

    @Test
    default void update_setsAndRemoves_incrementsVersion_doesNotSlideExpiry() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession created = store.create(NewSession.builder()
                .attribute("keep", JsonValue.of("k"))
                .attribute("drop", JsonValue.of(1))
                .attribute("change", JsonValue.of(false))
                .build());
        passTime(Duration.ofSeconds(1));

        Session updated = store.update(
                created.token(),
                SessionUpdate.builder()
                        .remove("drop")
                        .remove("neverSet")
                        .set("change", JsonValue.TRUE)
                        .set("added", JsonValue.NULL)
                        .build());

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.attributes())
                .isEqualTo(Map.of("keep", JsonValue.of("k"), "change", JsonValue.TRUE, "added", JsonValue.NULL));
        assertThat(updated.lastAccessedAt()).isEqualTo(created.session().lastAccessedAt());
        assertThat(store.peek(created.token())).contains(updated);

        Session again = store.update(
                created.token(),
                SessionUpdate.builder().set("keep", JsonValue.of("k2")).build());
        assertThat(again.version()).isEqualTo(3);
    }

    @Test
    default void update_withCurrentExpectedVersion_succeeds() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession created = store.create(NewSession.anonymous());

        Session updated = store.update(
                created.token(),
                SessionUpdate.builder()
                        .set("a", JsonValue.of(1))
                        .expectVersion(1)
                        .build());

        assertThat(updated.version()).isEqualTo(2);
    }

    @Test
    default void update_withStaleExpectedVersion_failsAndWritesNothing() {
        SessionStore store = openStore(SessionPolicy.defaults());
        CreatedSession created = store.create(NewSession.anonymous());
        Session v2 = store.update(
                created.token(),
                SessionUpdate.builder().set("a", JsonValue.of(1)).build());

        assertThatThrownBy(() -> store.update(
                        created.token(),
                        SessionUpdate.builder()
                                .set("a", JsonValue.of(2))
                                .set("b", JsonValue.of(2))
                                .expectVersion(1)
                                .build()))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expected()).isEqualTo(1);
                    assertThat(e.actual()).isEqualTo(2);
                });
        assertThat(store.peek(created.token())).contains(v2);
    }

    @Test
    default void rotate_givesNewTokenAndId_sameData_oldTokenDeadAtOnce() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession created = store.create(NewSession.builder()
                .userId(user)
                .attribute("a", JsonValue.of("x"))
                .index("device", "phone")
                .idleTimeout(LONG)
                .build());
        Session old = created.session();

        CreatedSession rotated = store.rotate(created.token());

        Session s = rotated.session();
        assertThat(rotated.token()).isNotEqualTo(created.token());
        assertThat(rotated.token().tag()).isEqualTo(created.token().tag());
        assertThat(s.id()).isEqualTo(rotated.token().id()).isNotEqualTo(old.id());
        assertThat(s.version()).isEqualTo(old.version() + 1);
        assertThat(s.userId()).isEqualTo(old.userId());
        assertThat(s.attributes()).isEqualTo(old.attributes());
        assertThat(s.indexes()).isEqualTo(old.indexes());
        assertThat(s.createdAt()).isEqualTo(old.createdAt());
        assertThat(s.idleTimeout()).isEqualTo(old.idleTimeout());
        assertThat(s.absoluteExpiresAt()).isEqualTo(old.absoluteExpiresAt());
        assertThat(store.peek(rotated.token())).contains(s);

        assertDead(store, created.token());
        assertThat(ids(store.listByUser(user))).containsExactly(s.id());
        assertThat(ids(store.listByIndex("device", "phone"))).containsExactly(s.id());
        assertThat(store.revoke(old.id())).isEmpty();
    }

    @Test
    default void revoke_byToken_endsTheSession_everywhere() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession created = store.create(NewSession.builder()
                .userId(user)
                .index("device", user)
                .attribute("theme", JsonValue.of("dark"))
                .build());
        Session touched = store.touch(created.token()).orElseThrow();

        assertThat(store.revoke(created.token()))
                .as("the session as it was when revoked")
                .contains(touched);

        assertDead(store, created.token());
        assertThat(store.revoke(created.session().id())).isEmpty();
        assertThat(store.listByUser(user)).isEmpty();
        assertThat(store.listByIndex("device", user)).isEmpty();
        assertThat(store.revokeByUser(user, Optional.empty())).isEmpty();
    }

    @Test
    default void revoke_byPublicId_endsTheSession() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession created = store.create(NewSession.forUser(user));
        CreatedSession other = store.create(NewSession.forUser(user));

        assertThat(store.revoke(created.session().id())).contains(created.session());

        assertDead(store, created.token());
        assertThat(store.revoke(created.session().id())).isEmpty();
        assertThat(ids(store.listByUser(user))).containsExactly(other.session().id());
    }

    @Test
    default void unknownToken_readsEmpty_writesThrowNotFound() {
        SessionStore store = openStore(SessionPolicy.defaults());
        store.create(NewSession.anonymous());

        assertDead(store, SessionToken.generateAnonymous());
        assertThat(store.revoke(SessionToken.generateAnonymous().id())).isEmpty();
    }
}
