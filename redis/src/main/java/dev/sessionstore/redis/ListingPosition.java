package dev.sessionstore.redis;

import dev.sessionstore.PageCursor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where a paged listing stands: in shard tag {@code tag} (0..255; 256 is past the last), after the zset entry
 * ({@code score}, {@code member}), or at the tag's start when {@code member} is empty. As cursor bytes: the tag
 * (1 byte), the score (8 bytes, big-endian) and the member (ASCII, a sid, or a user digest and a sid).
 *
 * @param tag the shard tag's number
 * @param score the index score of the last entry read
 * @param member the last entry read, {@code ""} at the tag's start
 */
record ListingPosition(int tag, long score, String member) {
    /** The length of a value index member, a sid. */
    static final int SID = 22;

    /** The length of a user index member, a user digest (8 hex digits) and a sid. */
    static final int USER_MEMBER = 8 + SID;

    static final int PAST_LAST = RedisKeys.TAGS.size();

    static ListingPosition start(int tag) {
        return new ListingPosition(tag, 0, "");
    }

    /** Whether the listing has nothing after this position. */
    boolean done() {
        return tag >= PAST_LAST;
    }

    String tagText() {
        return RedisKeys.TAGS.get(tag);
    }

    byte[] bytes() {
        byte[] m = member.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(9 + m.length)
                .put((byte) tag)
                .putLong(score)
                .put(m)
                .array();
    }

    /**
     * @param memberLength the length of the listing's members ({@link #SID} or {@link #USER_MEMBER})
     * @throws IllegalArgumentException if the bytes are not a position this store gave out
     */
    static ListingPosition of(byte[] bytes, int memberLength) {
        if (bytes.length != 9 && bytes.length != 9 + memberLength) {
            throw PageCursor.malformed();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int tag = Byte.toUnsignedInt(in.get());
        long score = in.getLong();
        String member = new String(bytes, 9, bytes.length - 9, StandardCharsets.US_ASCII);
        if (score < 0 || !member.chars().allMatch(ListingPosition::memberChar)) {
            throw PageCursor.malformed();
        }
        return new ListingPosition(tag, score, member);
    }

    private static boolean memberChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
