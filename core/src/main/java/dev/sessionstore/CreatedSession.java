package dev.sessionstore;

import java.util.Objects;

/**
 * The result of {@link SessionStore#create} and {@link SessionStore#rotate}: the token, shown this once,
 * and the session it opens.
 *
 * @param token the new token; the store keeps only its hash
 * @param session the session as stored
 */
public record CreatedSession(SessionToken token, Session session) {
    public CreatedSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }
}
