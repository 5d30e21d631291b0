package dev.sessionstore.spring.session;

import dev.sessionstore.SessionId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The id of a session found through a listing: {@code ssr_<public id>.<index name>.<index value>}, name and value in
 * unpadded base64url. It names the session and the listing it came from; it opens nothing (the public id is derived
 * from the token's hash), so it may be shown and logged.
 *
 * @param id the session's public id
 * @param indexName the index listed ({@code PRINCIPAL_NAME_INDEX_NAME} for a user's sessions)
 * @param indexValue the value listed
 */
record ListingKey(SessionId id, String indexName, String indexValue) {
    static final String PREFIX = "ssr_";

    /** Longest text parsed: a prefix, an id and two base64url fields of at most 4096 bytes each. */
    static final int MAX_LENGTH = 12_000;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    ListingKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(indexValue, "indexValue");
    }

    /** The key's text, as {@code Session.getId()} of a listed session returns it. */
    String text() {
        return PREFIX + id.value() + "." + encode(indexName) + "." + encode(indexValue);
    }

    /** Parses a key's text, or returns empty if it does not have the key's form. */
    static Optional<ListingKey> tryParse(String text) {
        if (text.length() > MAX_LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return SessionId.tryParse(parts[0]).map(id -> new ListingKey(id, decode(parts[1]), decode(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64url
        }
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String field) {
        return new String(DECODER.decode(field), StandardCharsets.UTF_8);
    }
}
