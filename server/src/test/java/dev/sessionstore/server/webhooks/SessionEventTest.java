package dev.sessionstore.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionToken;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionEventTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void toJson_carriesTheIdAndNeverTheToken() {
        SessionToken token = SessionToken.generate("alice");
        String json = SessionEvent.of(SessionEvent.Type.CREATED, token.id(), Optional.of("alice"), T)
                .toJson();
        assertThat(json)
                .isEqualTo("{\"type\":\"created\",\"sessionId\":\"" + token.id().value()
                        + "\",\"userId\":\"alice\",\"time\":\"2026-11-25T10:00:00Z\"}")
                .doesNotContain(token.reveal());
    }

    @Test
    void toJson_escapesTheUserAndWritesNullWhenUnknown() {
        var id = SessionToken.generateAnonymous().id();
        assertThat(SessionEvent.of(SessionEvent.Type.EXPIRED, id, Optional.of("a\"b\\c\n"), T)
                        .toJson())
                .contains("\"userId\":\"a\\\"b\\\\c\\u000a\"");
        assertThat(SessionEvent.of(SessionEvent.Type.REVOKED, id, Optional.empty(), T)
                        .toJson())
                .contains("\"type\":\"revoked\"")
                .contains("\"userId\":null");
    }

    @Test
    void toJson_rotation_namesThePreviousId() {
        var old = SessionToken.generate("bob").id();
        var now = SessionToken.generate("bob").id();
        String json =
                new SessionEvent(SessionEvent.Type.ROTATED, now, Optional.of(old), Optional.of("bob"), T).toJson();
        assertThat(json)
                .contains("\"type\":\"rotated\"")
                .contains("\"sessionId\":\"" + now.value() + "\"")
                .contains("\"previousSessionId\":\"" + old.value() + "\"");
    }
}
