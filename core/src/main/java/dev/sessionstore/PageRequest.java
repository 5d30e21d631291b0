package dev.sessionstore;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to read: at most {@code limit} sessions, starting where the {@code cursor} of the
 * previous page ({@link SessionPage#nextCursor()}) says, or at the start without one.
 *
 * @param limit how many sessions the page may hold, {@code 1..}{@link #MAX_LIMIT}
 * @param cursor the previous page's cursor, or empty for the first page
 */
public record PageRequest(int limit, Optional<String> cursor) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    /** The longest cursor text a store gives out or accepts. */
    public static final int MAX_CURSOR_LENGTH = 128;

    /**
     * @throws IllegalArgumentException if {@code limit} is out of range, or the cursor is empty text, longer than
     *     {@link #MAX_CURSOR_LENGTH} or not base64url; a store checks the rest of it
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(cursor, "cursor");
        cursor.ifPresent(PageRequest::checkCursorText);
    }

    /** The first page, of at most {@code limit} sessions. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** The page after the one that gave out {@code cursor}, of at most {@code limit} sessions. */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(limit, Optional.of(cursor));
    }

    private static void checkCursorText(String cursor) {
        if (cursor.isEmpty()
                || cursor.length() > MAX_CURSOR_LENGTH
                || !TokenText.isBase64Url(cursor, 0, cursor.length())) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }
}
