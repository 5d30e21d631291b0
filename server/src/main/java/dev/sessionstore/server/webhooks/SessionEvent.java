package dev.sessionstore.server.webhooks;

import dev.sessionstore.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a session, as delivered to the webhook. Carries the public session id, never the
 * token.
 *
 * @param type what happened
 * @param sessionId the session's public id (after a rotation: the new id)
 * @param previousId the id before a rotation; empty for other types
 * @param userId the session's user, when known (anonymous sessions and revocations by id have none)
 * @param time when this instance saw it (for {@link Type#EXPIRED}: when the upkeep job noticed it)
 */
public record SessionEvent(
        Type type, SessionId sessionId, Optional<SessionId> previousId, Optional<String> userId, Instant time) {

    /** The kinds of event. */
    public enum Type {
        CREATED,
        ROTATED,
        REVOKED,
        EXPIRED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SessionEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(previousId, "previousId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(time, "time");
    }

    public static SessionEvent of(Type type, SessionId id, Optional<String> userId, Instant time) {
        return new SessionEvent(type, id, Optional.empty(), userId, time);
    }

    /**
     * The webhook body: {@code {"type":"created","sessionId":"…","userId":"alice"|null,"time":"…"}}, plus {@code
     * "previousSessionId"} for a rotation.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(160)
                .append("{\"type\":\"")
                .append(type.wireName())
                .append("\",\"sessionId\":\"")
                .append(sessionId.value())
                .append('"');
        previousId.ifPresent(
                p -> json.append(",\"previousSessionId\":\"").append(p.value()).append('"'));
        json.append(",\"userId\":");
        userId.ifPresentOrElse(u -> quote(json, u), () -> json.append("null"));
        return json.append(",\"time\":\"").append(time).append("\"}").toString();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
