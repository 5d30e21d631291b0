package dev.sessionstore;

import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The public id of a session: the token's two-hex-digit shard tag followed by the first 22 base64url
 * characters (132 bits) of SHA-256 of the token's text, 24 characters in all. Safe to list and log;
 * useless to log in with. Rotation gives a session a new id.
 *
 * @param value the id's text
 */
public record SessionId(String value) implements Comparable<SessionId> {
    /** Length of an id's text. */
    public static final int LENGTH = 24;

    /** @throws IllegalArgumentException if {@code value} does not have the id format */
    public SessionId {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("malformed session id");
        }
    }

    /** Parses an id, or returns empty if the text does not have the id format. */
    public static Optional<SessionId> tryParse(String value) {
        if (!wellFormed(value)) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(value));
    }

    /** {@code [0-9a-f]{2}[A-Za-z0-9_-]{22}}. */
    private static boolean wellFormed(@Nullable String value) {
        return value != null && value.length() == LENGTH && TokenText.isTagged(value, 0, LENGTH);
    }

    static SessionId fromTokenHash(String tag, byte[] sha256) {
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
        return new SessionId(tag + hash.substring(0, LENGTH - 2));
    }

    /** The shard tag: the first two characters. */
    public String tag() {
        return value.substring(0, 2);
    }

    @Override
    public int compareTo(SessionId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
