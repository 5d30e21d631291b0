package dev.sessionstore.spring.session;

import dev.sessionstore.JsonValue;
import dev.sessionstore.SessionId;
import dev.sessionstore.json.AttributeCodec;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Keeps, per session, the last security context decoded: the attribute's name, its stored JSON and the {@code
 * Authentication} decoded from it. A later read of the same session and attribute whose stored JSON is the same text
 * gets a new {@code SecurityContextImpl} holding that {@code Authentication}; any other JSON is decoded by the codec
 * (and replaces the entry). Loaded only when Spring Security is present.
 *
 * <ul>
 *   <li>The store is still asked on every request: a revoked or expired session is never answered from here, and a
 *       context another instance saved is decoded, since its JSON differs.
 *   <li>An {@code Authentication} is shared only by requests of the same session, as a servlet container's in-memory
 *       session (or Spring Session's {@code MapSessionRepository}) shares the whole context; the context itself is a
 *       new object per request, so {@code setAuthentication} in one request does not reach another.
 *   <li>At most {@code maxSessions} entries; when full, an arbitrary entry is dropped for a new one.
 * </ul>
 */
final class SecurityContextCache implements ContextCache {
    static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextImpl";

    private record Entry(String name, String json, Authentication authentication) {}

    private final AttributeCodec codec;
    private final int maxSessions;
    private final Map<SessionId, Entry> entries = new ConcurrentHashMap<>();

    SecurityContextCache(AttributeCodec codec, int maxSessions) {
        this.codec = codec;
        this.maxSessions = maxSessions;
    }

    @Override
    public @Nullable Object decode(@Nullable SessionId session, String name, JsonValue json) {
        String text = json.json();
        if (session == null || !text.startsWith("{")) {
            return codec.decode(json); // only an object can be a security context
        }
        Entry kept = entries.get(session);
        if (kept != null && kept.json.equals(text) && kept.name.equals(name)) {
            return new SecurityContextImpl(kept.authentication);
        }
        Object value = codec.decode(json);
        if (value != null && value.getClass() == SecurityContextImpl.class) {
            Authentication authentication = ((SecurityContextImpl) value).getAuthentication();
            if (authentication != null) {
                keep(session, new Entry(name, text, authentication));
            }
        }
        return value;
    }

    private void keep(SessionId session, Entry entry) {
        if (entries.size() >= maxSessions && !entries.containsKey(session)) {
            Iterator<SessionId> any = entries.keySet().iterator();
            if (any.hasNext()) {
                any.next();
                any.remove();
            }
        }
        entries.put(session, entry);
    }

    @Override
    public void forget(SessionId session) {
        entries.remove(session);
    }

    /** Entries kept now (tests). */
    int size() {
        return entries.size();
    }
}
