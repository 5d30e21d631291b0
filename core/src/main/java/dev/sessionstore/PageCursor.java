package dev.sessionstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The text of listing cursors, for {@link SessionStore} implementations: base64url (no padding) of a version
 * byte, a 6-byte fingerprint of the store kind and the listing (SHA-256 of both), then the store's own position
 * bytes. The fingerprint makes a cursor of another listing or another kind of store fail to decode; the position
 * is the store's to check. A position holds public ids and numbers only, never a token.
 */
public final class PageCursor {
    private static final byte VERSION = 1;
    private static final int FINGERPRINT = 6;
    private static final int HEAD = 1 + FINGERPRINT;

    /** The longest position a cursor can carry within {@link PageRequest#MAX_CURSOR_LENGTH}. */
    public static final int MAX_POSITION = PageRequest.MAX_CURSOR_LENGTH * 3 / 4 - HEAD;

    private PageCursor() {}

    /**
     * The cursor text for a position in a listing.
     *
     * @param store the kind of store ({@code "memory"}, {@code "redis"}, ...)
     * @param listing what is listed, e.g. {@code "user\n" + userId}
     * @param position the store's position bytes, at most {@link #MAX_POSITION}
     */
    public static String encode(String store, String listing, byte[] position) {
        if (position.length > MAX_POSITION) {
            throw new IllegalArgumentException("cursor position too long: " + position.length);
        }
        byte[] out = new byte[HEAD + position.length];
        out[0] = VERSION;
        System.arraycopy(fingerprint(store, listing), 0, out, 1, FINGERPRINT);
        System.arraycopy(position, 0, out, HEAD, position.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /**
     * The position bytes of a cursor that {@link #encode} gave out for the same store kind and listing.
     *
     * @throws IllegalArgumentException if the text is not such a cursor
     */
    public static byte[] decode(String cursor, String store, String listing) {
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (in.length < HEAD || in[0] != VERSION) {
            throw malformed();
        }
        byte[] expected = fingerprint(store, listing);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(in, 1, HEAD), expected)) {
            throw new IllegalArgumentException("the cursor belongs to another listing");
        }
        return Arrays.copyOfRange(in, HEAD, in.length);
    }

    /** The exception for a cursor whose text or position is not one this store gave out. */
    public static IllegalArgumentException malformed() {
        return new IllegalArgumentException("malformed cursor");
    }

    private static byte[] fingerprint(String store, String listing) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(store.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(listing.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha.digest(), FINGERPRINT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The listing text of a user's sessions. */
    public static String userListing(String userId) {
        return "user\n" + userId;
    }

    /** The listing text of an index value's sessions. */
    public static String indexListing(String name, String value) {
        return "index\n" + name + "\n" + value;
    }
}
