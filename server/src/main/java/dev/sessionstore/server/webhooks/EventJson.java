package dev.sessionstore.server.webhooks;

import dev.sessionstore.SessionEvent;

/**
 * The webhook body of a {@link SessionEvent}: {@code {"id":"…","type":"created","sessionId":"…","userId":"alice"|null,
 * "time":"…"}}, plus {@code "previousSessionId"} for a rotation and {@code "attributes":["…"]} for an update. Never a
 * token: events carry only public ids.
 */
public final class EventJson {
    private EventJson() {}

    public static String toJson(SessionEvent event) {
        StringBuilder json = new StringBuilder(200).append("{\"id\":");
        quote(json, event.id());
        json.append(",\"type\":\"")
                .append(event.type().wireName())
                .append("\",\"sessionId\":\"")
                .append(event.sessionId().value())
                .append('"');
        event.previousId()
                .ifPresent(p -> json.append(",\"previousSessionId\":\"")
                        .append(p.value())
                        .append('"'));
        json.append(",\"userId\":");
        event.userId().ifPresentOrElse(u -> quote(json, u), () -> json.append("null"));
        json.append(",\"time\":\"").append(event.time()).append('"');
        if (event.type() == SessionEvent.Type.UPDATED) {
            json.append(",\"attributes\":[");
            for (int i = 0; i < event.attributes().size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                quote(json, event.attributes().get(i));
            }
            json.append(']');
        }
        return json.append('}').toString();
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
