package dev.sessionstore.server.api;

import dev.sessionstore.server.http.ApiException;
import java.util.Optional;
import java.util.OptionalLong;

/** Parses {@code If-Match: "<version>"} (also bare digits and {@code W/"<version>"}); {@code *} means no check. */
final class IfMatch {
    private IfMatch() {}

    static OptionalLong parse(Optional<String> header) {
        if (header.isEmpty()) {
            return OptionalLong.empty();
        }
        String v = header.get().trim();
        if (v.equals("*")) {
            return OptionalLong.empty();
        }
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest("If-Match must be a quoted version number, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(v));
    }
}
