package dev.sessionstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.JsonValue;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Shared constants and helpers of the contract groups. */
final class ContractSupport {
    /** A lifetime no test outlives. */
    static final Duration LONG = Duration.ofMinutes(10);

    /** The shortest timeout a store accepts; the real-time expiry tests use it. */
    static final Duration SHORT = Duration.ofSeconds(1);

    /** The listing order of the API: oldest {@code createdAt} first, then id. */
    static final Comparator<Session> OLDEST_FIRST =
            Comparator.comparing(Session::createdAt).thenComparing(Session::id);

    private ContractSupport() {}

    /** A user id no other test uses, so a store shared between tests cannot mix them up. */
    static String uniqueUser() {
        return "user-" + UUID.randomUUID();
    }

    static SessionPolicy withLimits(SessionLimits limits) {
        return SessionPolicy.defaults().withLimits(limits);
    }

    static List<SessionId> ids(List<Session> sessions) {
        return sessions.stream().map(Session::id).toList();
    }

    /** Everything a dead token can do, and that none of it brings the session back. */
    static void assertDead(SessionStore store, SessionToken token) {
        assertThat(store.peek(token)).isEmpty();
        assertThat(store.touch(token)).isEmpty();
        assertThatThrownBy(() -> store.update(
                        token, SessionUpdate.builder().set("x", JsonValue.of(1)).build()))
                .isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> store.update(
                        token,
                        SessionUpdate.builder().remove("x").expectVersion(1).build()))
                .isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> store.rotate(token)).isInstanceOf(SessionNotFoundException.class);
        assertThat(store.revoke(token)).isEmpty();
        assertThat(store.peek(token)).as("no write brought the session back").isEmpty();
        assertThat(store.touch(token)).isEmpty();
    }
}
