package dev.sessionstore.redis;

import dev.sessionstore.SessionStoreException;

/**
 * The status that opens every script reply. The scripts name them {@code STATUS_<constant>}, declared from
 * this enum at the top of every script ({@link LuaText#CONSTANTS}); {@code LuaNamesTest} checks that the
 * scripts use exactly these.
 */
enum ReplyStatus {
    NOT_FOUND(0),
    OK(1),
    VERSION_CONFLICT(2),
    LIMIT_EXCEEDED(3);

    private static final ReplyStatus[] BY_CODE = values();

    private final int code;

    ReplyStatus(int code) {
        this.code = code;
    }

    /** The number the scripts reply. */
    int code() {
        return code;
    }

    /** The status of a reply whose first element is {@code head}. */
    static ReplyStatus of(Object head) {
        if (head instanceof Long code && code >= 0 && code < BY_CODE.length && BY_CODE[code.intValue()].code == code) {
            return BY_CODE[code.intValue()];
        }
        throw new SessionStoreException("a session script replied an unknown status: " + head);
    }
}
