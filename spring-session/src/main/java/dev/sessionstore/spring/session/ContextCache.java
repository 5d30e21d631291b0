package dev.sessionstore.spring.session;

import dev.sessionstore.JsonValue;
import dev.sessionstore.SessionId;
import dev.sessionstore.json.AttributeCodec;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the stored attributes of a repository's sessions. With Spring Security present and a non-zero size, it keeps
 * the {@code Authentication} of each recently read session's security context ({@link SecurityContextCache}), so that
 * a request of a session whose stored context has not changed skips Spring Security's Jackson decoding, the largest
 * per-request cost a session layer adds to such an app; otherwise every value is decoded by the codec.
 */
interface ContextCache {
    /** The value of attribute {@code name} of {@code session} (null: a session not yet in the store). */
    @Nullable
    Object decode(@Nullable SessionId session, String name, JsonValue json);

    /** Drops what is kept for {@code session} (it was revoked). */
    void forget(SessionId session);

    /** The cache for {@code codec}: {@code maxSessions} entries at most, none (every value decoded) when 0. */
    static ContextCache of(AttributeCodec codec, int maxSessions) {
        if (maxSessions > 0 && Classes.present(SecurityContextCache.SECURITY_CONTEXT, ContextCache.class)) {
            return new SecurityContextCache(codec, maxSessions);
        }
        return new ContextCache() {
            @Override
            public @Nullable Object decode(@Nullable SessionId session, String name, JsonValue json) {
                return codec.decode(json);
            }

            @Override
            public void forget(SessionId session) {}
        };
    }
}
