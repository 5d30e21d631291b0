package dev.sessionstore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing ({@link SessionStore#listByUser(String, PageRequest)}, {@link
 * SessionStore#listByIndex(String, String, PageRequest)}).
 *
 * @param sessions the page's live sessions, at most the request's limit; unmodifiable. May be shorter than the
 *     limit, even empty, while a next cursor is given
 * @param nextCursor where the next page starts; empty on the last page. Opaque text of at most {@link
 *     PageRequest#MAX_CURSOR_LENGTH} base64url characters, valid only for the same listing of the same store;
 *     it holds no token
 */
public record SessionPage(List<Session> sessions, Optional<String> nextCursor) {
    public SessionPage {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** Whether this is the last page. */
    public boolean last() {
        return nextCursor.isEmpty();
    }
}
