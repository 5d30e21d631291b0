package dev.sessionstore;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bounds on what a session may hold. Every store checks them before writing and throws {@link
 * LimitExceededException} naming the setting that was crossed; a name or id of the wrong form throws
 * {@link IllegalArgumentException}. Immutable; validated when built.
 *
 * @param maxAttributes attributes per session
 * @param maxNameLength characters in an attribute name or an index name
 * @param maxValueBytes UTF-8 bytes of one attribute's compact JSON
 * @param maxSessionBytes UTF-8 bytes of all attribute names and values of one session
 * @param maxJsonDepth nesting depth of one attribute value (0 for a scalar)
 * @param maxIndexes index values per session
 * @param maxIndexValueLength characters in an index value
 * @param maxUserIdLength characters in a user id
 * @param maxSessionsPerUser live sessions per user; see {@link CapPolicy}
 */
public record SessionLimits(
        int maxAttributes,
        int maxNameLength,
        int maxValueBytes,
        int maxSessionBytes,
        int maxJsonDepth,
        int maxIndexes,
        int maxIndexValueLength,
        int maxUserIdLength,
        int maxSessionsPerUser) {

    /** Index names appear in store keys, so they are restricted to these characters. */
    public static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private static final SessionLimits DEFAULTS = new SessionLimits(64, 128, 16 * 1024, 64 * 1024, 16, 8, 256, 256, 50);

    public SessionLimits {
        positive("maxAttributes", maxAttributes, 10_000);
        positive("maxNameLength", maxNameLength, 1024);
        positive("maxValueBytes", maxValueBytes, 16 * 1024 * 1024);
        positive("maxSessionBytes", maxSessionBytes, 64 * 1024 * 1024);
        if (maxJsonDepth < 0 || maxJsonDepth > JsonValue.MAX_PARSE_DEPTH) {
            throw new IllegalArgumentException(
                    "maxJsonDepth must be in [0, " + JsonValue.MAX_PARSE_DEPTH + "]: " + maxJsonDepth);
        }
        if (maxIndexes < 0 || maxIndexes > 64) {
            throw new IllegalArgumentException("maxIndexes must be in [0, 64]: " + maxIndexes);
        }
        positive("maxIndexValueLength", maxIndexValueLength, 4096);
        positive("maxUserIdLength", maxUserIdLength, 4096);
        positive("maxSessionsPerUser", maxSessionsPerUser, 100_000);
    }

    /**
     * maxAttributes 64, maxNameLength 128, maxValueBytes 16 KiB, maxSessionBytes 64 KiB, maxJsonDepth 16,
     * maxIndexes 8, maxIndexValueLength 256, maxUserIdLength 256, maxSessionsPerUser 50.
     */
    public static SessionLimits defaults() {
        return DEFAULTS;
    }

    public SessionLimits withMaxSessionsPerUser(int value) {
        return new SessionLimits(
                maxAttributes,
                maxNameLength,
                maxValueBytes,
                maxSessionBytes,
                maxJsonDepth,
                maxIndexes,
                maxIndexValueLength,
                maxUserIdLength,
                value);
    }

    public SessionLimits withMaxAttributes(int value) {
        return new SessionLimits(
                value,
                maxNameLength,
                maxValueBytes,
                maxSessionBytes,
                maxJsonDepth,
                maxIndexes,
                maxIndexValueLength,
                maxUserIdLength,
                maxSessionsPerUser);
    }

    public SessionLimits withMaxValueBytes(int value) {
        return new SessionLimits(
                maxAttributes,
                maxNameLength,
                value,
                maxSessionBytes,
                maxJsonDepth,
                maxIndexes,
                maxIndexValueLength,
                maxUserIdLength,
                maxSessionsPerUser);
    }

    public SessionLimits withMaxSessionBytes(int value) {
        return new SessionLimits(
                maxAttributes,
                maxNameLength,
                maxValueBytes,
                value,
                maxJsonDepth,
                maxIndexes,
                maxIndexValueLength,
                maxUserIdLength,
                maxSessionsPerUser);
    }

    /** Bytes an attribute counts toward {@link #maxSessionBytes()}: its name and its compact JSON, in UTF-8. */
    public static int attributeBytes(String name, JsonValue value) {
        return utf8(name) + value.utf8Length();
    }

    /** Checks a user id: non-empty, no control characters or unpaired surrogates, at most {@link #maxUserIdLength()}. */
    public void checkUserId(String userId) {
        checkText("userId", userId);
        if (userId.length() > maxUserIdLength) {
            throw new LimitExceededException("maxUserIdLength", maxUserIdLength, userId.length());
        }
    }

    /** Checks one attribute name and value against the per-attribute limits. */
    public void checkAttribute(String name, JsonValue value) {
        checkName("attribute name", name);
        int bytes = value.utf8Length();
        if (bytes > maxValueBytes) {
            throw new LimitExceededException("maxValueBytes", maxValueBytes, bytes);
        }
        if (value.depth() > maxJsonDepth) {
            throw new LimitExceededException("maxJsonDepth", maxJsonDepth, value.depth());
        }
    }

    /** Checks the totals of a session's attributes after a create or an update. */
    public void checkTotals(int attributeCount, long sessionBytes) {
        if (attributeCount > maxAttributes) {
            throw new LimitExceededException("maxAttributes", maxAttributes, attributeCount);
        }
        if (sessionBytes > maxSessionBytes) {
            throw new LimitExceededException("maxSessionBytes", maxSessionBytes, sessionBytes);
        }
    }

    /** Checks an index name and value. */
    public void checkIndex(String name, String value) {
        checkName("index name", name);
        if (!INDEX_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("index name may hold only letters, digits, '_', '.' and '-'");
        }
        checkText("index value", value);
        if (value.length() > maxIndexValueLength) {
            throw new LimitExceededException("maxIndexValueLength", maxIndexValueLength, value.length());
        }
    }

    /** Checks everything of a {@link NewSession} that can be checked without the store. */
    public void checkNew(NewSession spec) {
        spec.userId().ifPresent(this::checkUserId);
        long bytes = 0;
        for (Map.Entry<String, JsonValue> e : spec.attributes().entrySet()) {
            checkAttribute(e.getKey(), e.getValue());
            bytes += attributeBytes(e.getKey(), e.getValue());
        }
        checkTotals(spec.attributes().size(), bytes);
        if (spec.indexes().size() > maxIndexes) {
            throw new LimitExceededException(
                    "maxIndexes", maxIndexes, spec.indexes().size());
        }
        spec.indexes().forEach(this::checkIndex);
    }

    /** Checks each change of an update; totals are checked by the store once merged ({@link #checkTotals}). */
    public void checkUpdate(SessionUpdate update) {
        if (update.changes().size() > maxAttributes) {
            throw new LimitExceededException(
                    "maxAttributes", maxAttributes, update.changes().size());
        }
        for (Map.Entry<String, Optional<JsonValue>> e : update.changes().entrySet()) {
            // checkAttribute checks the name too
            e.getValue()
                    .ifPresentOrElse(v -> checkAttribute(e.getKey(), v), () -> checkName("attribute name", e.getKey()));
        }
    }

    private void checkName(String what, String name) {
        checkText(what, name);
        if (name.length() > maxNameLength) {
            throw new LimitExceededException("maxNameLength", maxNameLength, name.length());
        }
    }

    private static void checkText(String what, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // UTF-8 cannot encode it: two different names would become the same bytes in a store
                throw new IllegalArgumentException(what + " must not contain unpaired surrogates");
            }
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void positive(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be in [1, " + max + "]: " + value);
        }
    }
}
