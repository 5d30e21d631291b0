package dev.sessionstore.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionEvent.Type;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static SessionEvent event(Type type, SessionId id, Optional<String> user) {
        return new SessionEvent("3f:1-0", type, id, Optional.empty(), user, T, List.of());
    }

    @Test
    void carriesTheEventIdAndTheSessionIdAndNeverTheToken() {
        SessionToken token = SessionToken.generate("alice");
        String json = EventJson.toJson(event(Type.CREATED, token.id(), Optional.of("alice")));
        assertThat(json)
                .isEqualTo("{\"id\":\"3f:1-0\",\"type\":\"created\",\"sessionId\":\""
                        + token.id().value() + "\",\"userId\":\"alice\",\"time\":\"2026-11-25T10:00:00Z\"}")
                .doesNotContain(token.reveal());
    }

    @Test
    void escapesTheUserAndWritesNullWhenUnknown() {
        var id = SessionToken.generateAnonymous().id();
        assertThat(EventJson.toJson(event(Type.EXPIRED, id, Optional.of("a\"b\\c\n"))))
                .contains("\"userId\":\"a\\\"b\\\\c\\u000a\"");
        assertThat(EventJson.toJson(event(Type.REVOKED, id, Optional.empty())))
                .contains("\"type\":\"revoked\"")
                .contains("\"userId\":null");
    }

    @Test
    void rotationNamesThePreviousId_updateItsAttributes() {
        var old = SessionToken.generate("bob").id();
        var now = SessionToken.generate("bob").id();
        String rotated = EventJson.toJson(
                new SessionEvent("3f:2-0", Type.ROTATED, now, Optional.of(old), Optional.of("bob"), T, List.of()));
        assertThat(rotated)
                .contains("\"type\":\"rotated\"")
                .contains("\"sessionId\":\"" + now.value() + "\"")
                .contains("\"previousSessionId\":\"" + old.value() + "\"")
                .doesNotContain("attributes");
        String updated = EventJson.toJson(new SessionEvent(
                "3f:3-0", Type.UPDATED, now, Optional.empty(), Optional.of("bob"), T, List.of("cart", "a\"b")));
        assertThat(updated).endsWith(",\"attributes\":[\"cart\",\"a\\\"b\"]}");
    }
}
