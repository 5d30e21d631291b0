package dev.sessionstore.spring.session;

import dev.sessionstore.LimitExceededException;
import dev.sessionstore.Session;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * A Spring Session repository whose sessions live in a {@link SessionStore}. The id a client holds (cookie or header)
 * is the store's token, of which the store keeps only a hash.
 *
 * <ul>
 *   <li>{@link #createSession()} makes nothing in the store; the first {@link #save} creates the session, with its
 *       attributes and its principal as the store's user id.
 *   <li>{@link #findById} of a token is one {@code touch} (it slides the idle expiry). A session's Spring Security
 *       context is decoded again only when its stored JSON changed ({@link
 *       SessionStoreRepositoryOptions#securityContextCache()}).
 *   <li>{@link #save} sends what changed as one {@code update}, and nothing when nothing changed; see {@link
 *       SessionStoreSession} for principal and idle-timeout changes.
 *   <li>{@link #findByPrincipalName} and {@link #findByIndexNameAndIndexValue} return listed sessions keyed by a
 *       listing key, never a token; {@link #findById} and {@link #deleteById} accept listing keys as well as tokens.
 * </ul>
 *
 * <p>Thread-safe when the store is. Does not close the store. Every method may throw the store's {@code
 * StoreUnavailableException}.
 */
public final class SessionStoreRepository implements FindByIndexNameSessionRepository<SessionStoreSession> {
    private final Context ctx;
    /**
     * The sessions found by token in the request this thread is serving, when {@link SessionStoreRepositoryFilter}
     * serves one: Spring Session's filter looks the requested session up a second time when it commits twice (once
     * when the response is committed, again when the chain returns), and that second lookup is answered from here.
     */
    private final ThreadLocal<@Nullable Map<String, SessionStoreSession>> requestLookups = new ThreadLocal<>();

    /** A repository over {@code store}; the caller keeps and closes the store. */
    public SessionStoreRepository(SessionStore store, SessionStoreRepositoryOptions options) {
        this(store, options, Clock.systemUTC());
    }

    SessionStoreRepository(SessionStore store, SessionStoreRepositoryOptions options, Clock clock) {
        this.ctx = new Context(
                Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(clock, "clock"),
                ContextCache.of(options.codec(), options.securityContextCache()));
    }

    /** The settings this repository runs with. */
    public SessionStoreRepositoryOptions options() {
        return ctx.options();
    }

    /** A new session, not in the store until its first {@link #save}. */
    @Override
    public SessionStoreSession createSession() {
        return SessionStoreSession.started(ctx);
    }

    /**
     * Saves what changed, in as few store calls as {@link SessionStoreSession} describes: none, one {@code create}, one
     * {@code update}, or {@code revoke} + {@code create} when the principal or idle timeout changed (the session then
     * has a new token). A session marked expired by Spring Session's {@code SpringSessionBackedSessionInformation
     * .expireNow()} is revoked. A session that is gone from the store (expired, revoked) drops its changes.
     *
     * @throws dev.sessionstore.json.DisallowedTypeException if a changed value is of a type the codec does not allow
     * @throws dev.sessionstore.LimitExceededException if the store's limits refuse the session
     * @throws IllegalStateException if a listed session has changes other than being marked expired
     */
    @Override
    @SuppressWarnings("ReferenceEquality") // the very context this repository made
    public void save(SessionStoreSession session) {
        Objects.requireNonNull(session, "session");
        if (session.context() != ctx) {
            throw new IllegalArgumentException("the session belongs to another repository");
        }
        SessionWriter.save(session);
    }

    /**
     * The session of a token (one {@code touch}, which slides its idle expiry), or of a listing key (the listing it
     * names, read again: no touch); {@code null} if there is none, it expired, or the id has neither form.
     */
    @Override
    public @Nullable SessionStoreSession findById(String id) {
        Optional<SessionToken> token = SessionToken.tryParse(id);
        if (token.isPresent()) {
            Map<String, SessionStoreSession> lookups = requestLookups.get();
            SessionStoreSession seen = lookups == null ? null : lookups.get(id);
            if (seen != null && id.equals(seen.getId()) && !seen.isExpired()) {
                return seen; // this request found it already: no second touch
            }
            SessionStoreSession found = ctx.store()
                    .touch(token.get())
                    .map(s -> SessionStoreSession.opened(ctx, token.get(), s))
                    .orElse(null);
            if (lookups != null && found != null) {
                lookups.put(id, found);
            }
            return found;
        }
        Optional<ListingKey> key = id == null ? Optional.empty() : ListingKey.tryParse(id);
        return key.flatMap(k -> list(k.indexName(), k.indexValue()).stream()
                        .filter(s -> s.id().equals(k.id()))
                        .findFirst()
                        .map(s -> SessionStoreSession.listed(ctx, k, s)))
                .orElse(null);
    }

    /** Revokes the session of a token or a listing key at once; does nothing for another id. */
    @Override
    public void deleteById(String id) {
        Optional<SessionToken> token = SessionToken.tryParse(id);
        if (token.isPresent()) {
            Map<String, SessionStoreSession> lookups = requestLookups.get();
            if (lookups != null) {
                lookups.remove(id);
            }
            ctx.store().revoke(token.get());
            ctx.contexts().forget(token.get().id());
        } else if (id != null) {
            ListingKey.tryParse(id).ifPresent(k -> {
                ctx.store().revoke(k.id());
                ctx.contexts().forget(k.id());
            });
        }
    }

    /** Opens this thread's request scope; false if one is open already (a forward, include or error dispatch). */
    boolean beginRequest() {
        if (requestLookups.get() != null) {
            return false;
        }
        requestLookups.set(new HashMap<>(4));
        return true;
    }

    /** Closes this thread's request scope: from now on every {@link #findById} of a token touches again. */
    void endRequest() {
        requestLookups.remove();
    }

    /**
     * The live sessions of a principal ({@link #PRINCIPAL_NAME_INDEX_NAME}: the store's sessions of that user id) or
     * of a store index, oldest first, keyed by their listing key; the sessions' {@code getId()} is that key. Empty for
     * an index name or value the store does not accept.
     */
    @Override
    public Map<String, SessionStoreSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(indexValue, "indexValue");
        Map<String, SessionStoreSession> found = new LinkedHashMap<>();
        for (Session s : list(indexName, indexValue)) {
            ListingKey key = new ListingKey(s.id(), indexName, indexValue);
            found.put(key.text(), SessionStoreSession.listed(ctx, key, s));
        }
        return found;
    }

    private List<Session> list(String indexName, String indexValue) {
        if (indexValue.isEmpty()) {
            return List.of();
        }
        try {
            if (PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
                return ctx.store().listByUser(indexValue);
            }
            if (!SessionLimits.INDEX_NAME.matcher(indexName).matches()) {
                return List.of();
            }
            return ctx.store().listByIndex(indexName, indexValue);
        } catch (IllegalArgumentException | LimitExceededException e) {
            return List.of(); // a name or value no session can have
        }
    }
}
