package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static dev.sessionstore.testkit.ContractSupport.withLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionUpdate;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every limit of {@link SessionLimits} fails with a {@link LimitExceededException} naming it and writes
 * nothing; malformed input fails with {@link IllegalArgumentException}.
 */
public interface SessionLimitsContract extends StoreFixture {

    private static void assertLimit(String limit, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(limit));
    }

    /** Asserts the create is refused with {@code limit} and no session of the user exists afterwards. */
    private void assertCreateRefused(SessionLimits limits, String limit, NewSession.Builder spec) {
        SessionStore store = openStore(withLimits(limits));
        String user = uniqueUser();
        assertLimit(limit, () -> store.create(spec.userId(user).build()));
        assertThat(store.listByUser(user)).isEmpty();
    }

    /** Asserts the update is refused with {@code limit} and the session is unchanged afterwards. */
    private void assertUpdateRefused(SessionStore store, CreatedSession created, String limit, SessionUpdate update) {
        Session before = store.peek(created.token()).orElseThrow();
        assertLimit(limit, () -> store.update(created.token(), update));
        assertThat(store.peek(created.token())).contains(before);
    }

    private static NewSession.Builder withAttributes(int count) {
        NewSession.Builder b = NewSession.builder();
        for (int i = 0; i < count; i++) {
            b.attribute("a" + i, JsonValue.of(i));
        }
        return b;
    }

    @Test
    default void maxAttributes_onCreate() {
        assertCreateRefused(SessionLimits.defaults().withMaxAttributes(3), "maxAttributes", withAttributes(4));
    }

    @Test
    default void maxAttributes_onUpdate_countsTheMergedResult() {
        SessionStore store = openStore(withLimits(SessionLimits.defaults().withMaxAttributes(3)));
        CreatedSession created = store.create(withAttributes(3).build());

        Session replaced = store.update(
                created.token(),
                SessionUpdate.builder().set("a0", JsonValue.of("new")).build());
        Session swapped = store.update(
                created.token(),
                SessionUpdate.builder().remove("a1").set("b", JsonValue.TRUE).build());

        assertThat(replaced.attributes()).hasSize(3);
        assertThat(swapped.attributes()).containsOnlyKeys("a0", "a2", "b");
        assertUpdateRefused(
                store,
                created,
                "maxAttributes",
                SessionUpdate.builder().set("c", JsonValue.TRUE).build());
    }

    @Test
    default void maxValueBytes_onCreateAndUpdate() {
        SessionLimits limits = SessionLimits.defaults().withMaxValueBytes(10);
        JsonValue eleven = JsonValue.of("123456789"); // 11 bytes with its quotes
        assertCreateRefused(limits, "maxValueBytes", NewSession.builder().attribute("v", eleven));

        SessionStore store = openStore(withLimits(limits));
        CreatedSession created = store.create(
                NewSession.builder().attribute("v", JsonValue.of("12345678")).build());
        assertUpdateRefused(
                store,
                created,
                "maxValueBytes",
                SessionUpdate.builder().set("v", eleven).build());
    }

    @Test
    default void maxSessionBytes_onCreate() {
        SessionLimits limits = SessionLimits.defaults().withMaxSessionBytes(20);
        // name "a" (1 byte) + "\"12345678\"" (10 bytes) = 11 bytes each
        assertCreateRefused(
                limits,
                "maxSessionBytes",
                NewSession.builder().attribute("a", JsonValue.of("12345678")).attribute("b", JsonValue.of("12345678")));
    }

    @Test
    default void maxSessionBytes_reachedByAMergingUpdate() {
        SessionStore store = openStore(withLimits(SessionLimits.defaults().withMaxSessionBytes(20)));
        CreatedSession created = store.create(
                NewSession.builder().attribute("a", JsonValue.of("12345678")).build());

        Session replaced = store.update(
                created.token(),
                SessionUpdate.builder()
                        .set("a", JsonValue.of("123456789012345"))
                        .build());
        assertThat(replaced.version()).isEqualTo(2);
        Session shrunk = store.update(
                created.token(),
                SessionUpdate.builder().set("a", JsonValue.of("1")).build());
        assertThat(shrunk.version()).isEqualTo(3);

        assertUpdateRefused(
                store,
                created,
                "maxSessionBytes",
                SessionUpdate.builder()
                        .set("b", JsonValue.of("123456789"))
                        .set("c", JsonValue.TRUE)
                        .build());
    }

    @Test
    default void maxJsonDepth_onCreateAndUpdate() {
        SessionLimits limits = new SessionLimits(64, 128, 16 * 1024, 64 * 1024, 2, 8, 256, 256, 50);
        JsonValue depth3 = JsonValue.parse("[[[1]]]");
        assertCreateRefused(limits, "maxJsonDepth", NewSession.builder().attribute("d", depth3));

        SessionStore store = openStore(withLimits(limits));
        CreatedSession created = store.create(NewSession.builder()
                .attribute("d", JsonValue.parse("{\"a\":[1]}"))
                .build());
        assertUpdateRefused(
                store,
                created,
                "maxJsonDepth",
                SessionUpdate.builder().set("d", depth3).build());
    }

    @Test
    default void maxIndexes_onCreate() {
        SessionLimits limits = new SessionLimits(64, 128, 16 * 1024, 64 * 1024, 16, 2, 256, 256, 50);
        assertCreateRefused(
                limits,
                "maxIndexes",
                NewSession.builder().index("a", "1").index("b", "2").index("c", "3"));
    }

    @Test
    default void maxIndexValueLength_onCreate() {
        SessionLimits limits = new SessionLimits(64, 128, 16 * 1024, 64 * 1024, 16, 8, 5, 256, 50);
        assertCreateRefused(limits, "maxIndexValueLength", NewSession.builder().index("a", "123456"));
    }

    @Test
    default void maxNameLength_forAttributesAndIndexes() {
        SessionLimits limits = new SessionLimits(64, 4, 16 * 1024, 64 * 1024, 16, 8, 256, 256, 50);
        assertCreateRefused(limits, "maxNameLength", NewSession.builder().attribute("abcde", JsonValue.TRUE));
        assertCreateRefused(limits, "maxNameLength", NewSession.builder().index("abcde", "v"));

        SessionStore store = openStore(withLimits(limits));
        CreatedSession created = store.create(
                NewSession.builder().attribute("abcd", JsonValue.TRUE).build());
        assertUpdateRefused(
                store,
                created,
                "maxNameLength",
                SessionUpdate.builder().set("abcde", JsonValue.TRUE).build());
        assertUpdateRefused(
                store,
                created,
                "maxNameLength",
                SessionUpdate.builder().remove("abcde").build());
    }

    @Test
    default void maxUserIdLength_onCreate() {
        SessionLimits limits = new SessionLimits(64, 128, 16 * 1024, 64 * 1024, 16, 8, 256, 5, 50);
        SessionStore store = openStore(withLimits(limits));

        assertLimit("maxUserIdLength", () -> store.create(NewSession.forUser("123456")));
        assertThat(store.create(NewSession.forUser("12345")).session().userId()).contains("12345");
    }

    @Test
    default void timeoutsOutOfRange_areRejected() {
        SessionStore store = openStore(SessionPolicy.defaults());
        Duration maxIdle = SessionPolicy.defaults().timeouts().maxIdle();
        Duration maxAbsolute = SessionPolicy.defaults().timeouts().maxAbsolute();

        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5)}) {
            assertThatThrownBy(() ->
                            store.create(NewSession.builder().idleTimeout(bad).build()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.create(
                            NewSession.builder().absoluteTimeout(bad).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.create(
                        NewSession.builder().idleTimeout(maxIdle.plusMillis(1)).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(NewSession.builder()
                        .absoluteTimeout(maxAbsolute.plusMillis(1))
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void malformedNames_areRejected_andNothingIsWritten() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();

        assertThatThrownBy(() -> store.create(NewSession.forUser(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(NewSession.forUser("bad\nid")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(NewSession.forUser(user + "\ud800")))
                .as("an unpaired surrogate would merge with other ids once encoded in UTF-8")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(NewSession.builder()
                        .userId(user)
                        .attribute("", JsonValue.TRUE)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(NewSession.builder()
                        .userId(user)
                        .index("has space", "v")
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.listByUser(user)).isEmpty();

        CreatedSession created = store.create(NewSession.anonymous());
        assertThatThrownBy(() -> store.update(
                        created.token(),
                        SessionUpdate.builder()
                                .set("ok", JsonValue.TRUE)
                                .set("bad\u0001", JsonValue.TRUE)
                                .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.peek(created.token())).contains(created.session());
    }
}
