package dev.sessionstore;

/**
 * The character checks of token and id texts, written out instead of regular expressions: they run on every request
 * (a regex match showed as about 2.5 % of the service's CPU in {@code docs/profile.md}).
 */
final class TokenText {
    private TokenText() {}

    /** {@code [0-9a-f]}. */
    static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** {@code [A-Za-z0-9_-]}, the base64url alphabet. */
    static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Whether {@code text[from, to)} is all base64url characters. */
    static boolean isBase64Url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBase64Url(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A two-hex-digit tag followed by base64url characters to the end: {@code [0-9a-f]{2}[A-Za-z0-9_-]*}. */
    static boolean isTagged(String text, int from, int to) {
        return to - from >= 2
                && isLowerHex(text.charAt(from))
                && isLowerHex(text.charAt(from + 1))
                && isBase64Url(text, from + 2, to);
    }
}
