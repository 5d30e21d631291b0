package dev.sessionstore.spring.session;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionTimeouts;
import dev.sessionstore.SessionToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Spring Session {@link org.springframework.session.Session} of a {@link SessionStoreRepository}. It is one of:
 *
 * <ul>
 *   <li><b>new</b> ({@code createSession()}): nothing is stored until its first save; until then {@link #getId()} is a
 *       provisional id that opens nothing;
 *   <li><b>opened</b> by its token ({@code findById(token)}): {@link #getId()} is the token, the secret a client
 *       sends;
 *   <li><b>listed</b> ({@code findByPrincipalName}, or {@code findById} of a listing key): {@link #getId()} is the
 *       listing key, never the token; it can be expired ({@code expireNow}) or deleted, not otherwise changed.
 * </ul>
 *
 * <p>Its principal (the attribute {@code PRINCIPAL_NAME_INDEX_NAME}, else Spring Security's context's authentication
 * name) is the store session's user id. The store fixes the user id and the idle timeout at creation, so saving a
 * stored session whose principal or idle timeout changed revokes it and creates a new one: the session then has a new
 * token.
 *
 * <p>Thread-safe. Attribute values go through the repository's codec: {@link #setAttribute} throws {@link
 * dev.sessionstore.json.DisallowedTypeException} for a type its allow-list does not hold.
 */
public final class SessionStoreSession implements org.springframework.session.Session {
    /**
     * The attribute Spring Session's {@code SpringSessionBackedSessionInformation.expireNow()} sets and saves (its own
     * constant is private); saving a session that holds it revokes the session.
     */
    public static final String EXPIRED =
            "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Context ctx;
    private final Attributes attributes;
    private final @Nullable ListingKey listing;
    private @Nullable SessionToken token;
    private @Nullable Session stored;
    private String provisionalId;
    private Duration idleTimeout;
    private Instant lastAccessedTime;
    private boolean gone;

    private SessionStoreSession(
            Context ctx, @Nullable SessionToken token, @Nullable Session stored, @Nullable ListingKey listing) {
        this.ctx = ctx;
        this.token = token;
        this.stored = stored;
        this.listing = listing;
        this.provisionalId = provisionalId();
        // decodes run under this session's lock (getAttribute), so they see the session's id as it is now
        this.attributes = new Attributes(
                ctx.options().codec(),
                stored == null ? Map.of() : stored.attributes(),
                (name, json) -> ctx.contexts().decode(storedId(), name, json));
        this.idleTimeout = stored == null ? ctx.options().defaultIdleTimeout() : stored.idleTimeout();
        this.lastAccessedTime = stored == null ? ctx.clock().instant() : stored.lastAccessedAt();
    }

    static SessionStoreSession started(Context ctx) {
        return new SessionStoreSession(ctx, null, null, null);
    }

    static SessionStoreSession opened(Context ctx, SessionToken token, Session session) {
        return new SessionStoreSession(ctx, token, session, null);
    }

    static SessionStoreSession listed(Context ctx, ListingKey key, Session session) {
        return new SessionStoreSession(ctx, null, session, key);
    }

    private @Nullable SessionId storedId() {
        Session s = stored;
        return s == null ? null : s.id();
    }

    /** The token of an opened or saved session, the listing key of a listed one, or the provisional id of a new one. */
    @Override
    public synchronized String getId() {
        ListingKey key = listing;
        if (key != null) {
            return key.text();
        }
        SessionToken t = token;
        return t != null ? t.reveal() : provisionalId;
    }

    /** The store's public id: empty until the session is first saved. Safe to log. */
    public synchronized Optional<SessionId> publicId() {
        Session s = stored;
        return s == null ? Optional.empty() : Optional.of(s.id());
    }

    /**
     * The key that names this session in its user's listing ({@code findByPrincipalName}), which {@code findById} and
     * {@code deleteById} accept: empty for a session not saved yet or without a principal. Not a credential.
     */
    public synchronized Optional<String> listingKey() {
        ListingKey key = listing;
        if (key != null) {
            return Optional.of(key.text());
        }
        Session s = stored;
        if (s == null || s.userId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ListingKey(s.id(), Principals.PRINCIPAL, s.userId().get()).text());
    }

    /**
     * Rotates the token: the store's atomic rotation for a saved session (same data, the old token dead at once); a
     * new provisional id for a new one.
     *
     * @throws IllegalStateException for a listed session (it has no token), or if the session is gone
     */
    @Override
    public synchronized String changeSessionId() {
        if (listing != null) {
            throw new IllegalStateException("a session found through a listing has no token to change");
        }
        SessionToken t = token;
        if (t == null) {
            provisionalId = provisionalId();
            return provisionalId;
        }
        try {
            CreatedSession rotated = ctx.store().rotate(t);
            token = rotated.token();
            stored = rotated.session();
            return rotated.token().reveal();
        } catch (SessionNotFoundException e) {
            gone = true;
            throw new IllegalStateException("the session has expired or was revoked", e);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public synchronized <T> @Nullable T getAttribute(String attributeName) {
        Object value = attributes.get(attributeName);
        Session s = stored;
        if (value == null && listing != null && s != null && Principals.PRINCIPAL.equals(attributeName)) {
            value = s.userId().orElse(null); // a listed session names its principal
        }
        return (T) value;
    }

    @Override
    public synchronized Set<String> getAttributeNames() {
        return attributes.names();
    }

    /**
     * Sets an attribute; a {@code null} value removes it. The value is encoded once now, so a type the codec does not
     * allow fails here, and again at save time.
     *
     * @throws dev.sessionstore.json.DisallowedTypeException naming the type and how to allow it
     */
    @Override
    public synchronized void setAttribute(String attributeName, @Nullable Object attributeValue) {
        Objects.requireNonNull(attributeName, "attributeName");
        if (attributeValue == null) {
            attributes.remove(attributeName);
        } else {
            attributes.set(attributeName, attributeValue);
        }
    }

    @Override
    public synchronized void removeAttribute(String attributeName) {
        attributes.remove(attributeName);
    }

    @Override
    public synchronized Instant getCreationTime() {
        Session s = stored;
        return s == null ? lastAccessedTime : s.createdAt();
    }

    /** Kept in memory only: the store slid the idle expiry when {@code findById} touched the session. */
    @Override
    public synchronized void setLastAccessedTime(Instant lastAccessedTime) {
        this.lastAccessedTime = Objects.requireNonNull(lastAccessedTime, "lastAccessedTime");
    }

    @Override
    public synchronized Instant getLastAccessedTime() {
        return lastAccessedTime;
    }

    /**
     * Sets the idle timeout. The store fixes a session's idle timeout when it creates it, so saving a stored session
     * with a new one creates a new store session (new token) and revokes the old one.
     *
     * @throws IllegalArgumentException for less than {@link SessionTimeouts#MIN}, zero or negative (sessions always
     *     expire)
     */
    @Override
    public synchronized void setMaxInactiveInterval(Duration interval) {
        idleTimeout = Duration.ofMillis(SessionTimeouts.requireAtLeastMin("maxInactiveInterval", interval)
                .toMillis());
    }

    @Override
    public synchronized Duration getMaxInactiveInterval() {
        return idleTimeout;
    }

    /** Whether the session was revoked or expired through this object, or its stored expiry has passed. */
    @Override
    public synchronized boolean isExpired() {
        Session s = stored;
        return gone || (s != null && !s.expiresAt().isAfter(ctx.clock().instant()));
    }

    @Override
    public synchronized String toString() {
        Session s = stored;
        return "SessionStoreSession[" + (s == null ? "new" : s.id().value()) + (listing != null ? ", listed" : "")
                + "]";
    }

    // ---- for SessionWriter; callers hold this object's lock ----

    Context context() {
        return ctx;
    }

    Attributes attributes() {
        return attributes;
    }

    @Nullable
    SessionToken token() {
        return token;
    }

    @Nullable
    Session stored() {
        return stored;
    }

    boolean isListed() {
        return listing != null;
    }

    boolean isGone() {
        return gone;
    }

    boolean expireRequested() {
        return Boolean.TRUE.equals(attributes.get(EXPIRED));
    }

    void created(CreatedSession created) {
        token = created.token();
        stored = created.session();
        idleTimeout = created.session().idleTimeout();
        attributes.saved(created.session().attributes());
    }

    void updated(Session session) {
        stored = session;
        attributes.saved(session.attributes());
    }

    void markGone() {
        gone = true;
        attributes.dropChanges();
    }

    private static String provisionalId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "new_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
