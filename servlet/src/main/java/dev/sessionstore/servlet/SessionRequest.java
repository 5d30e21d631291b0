package dev.sessionstore.servlet;

import dev.sessionstore.SessionToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The request the application sees: its {@link HttpSession} is a {@link StoreSession}. The cookie is parsed when the
 * request arrives (no store call); the store is asked for the session, with one {@code touch}, only when the
 * application first asks for it. Thread-safe.
 */
final class SessionRequest extends HttpServletRequestWrapper {
    private final FilterContext ctx;
    private final SessionResponse response;
    private final Optional<SessionToken> requested;
    private boolean looked;
    private @Nullable StoreSession session;

    SessionRequest(HttpServletRequest request, SessionResponse response, FilterContext ctx) {
        super(request);
        this.ctx = ctx;
        this.response = response;
        this.requested = ctx.cookies().read(request);
    }

    @Override
    public HttpSession getSession() {
        HttpSession s = getSession(true);
        if (s == null) {
            throw new IllegalStateException("getSession(true) returned no session");
        }
        return s;
    }

    @Override
    public synchronized @Nullable HttpSession getSession(boolean create) {
        StoreSession current = current();
        if (current != null && current.isValid()) {
            return current;
        }
        if (!create) {
            return null;
        }
        StoreSession started = StoreSession.started(ctx, response, getServletContext());
        session = started;
        return started;
    }

    /** {@code store.rotate}: the old token is dead at once, the new one goes out in the cookie. */
    @Override
    public String changeSessionId() {
        HttpSession s = getSession(false);
        if (!(s instanceof StoreSession current)) {
            throw new IllegalStateException("changeSessionId: the request has no session");
        }
        return current.rotate();
    }

    /** The public id of the session the cookie names (never the token); no store call. */
    @Override
    public @Nullable String getRequestedSessionId() {
        return requested.map(t -> t.id().value()).orElse(null);
    }

    @Override
    public synchronized boolean isRequestedSessionIdValid() {
        StoreSession current = current();
        return current != null && requested.isPresent() && current.isOpenedBy(requested.get());
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return requested.isPresent();
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    /** Saves the session's changes, if the application asked for a session. */
    void save() {
        StoreSession s;
        synchronized (this) {
            s = session;
        }
        if (s != null) {
            s.save();
        }
    }

    /** The session of this request, looked up in the store at the first call (one {@code touch}). */
    private @Nullable StoreSession current() {
        if (!looked) {
            looked = true;
            requested.ifPresent(token -> ctx.store()
                    .touch(token)
                    .ifPresent(
                            found -> session = StoreSession.loaded(ctx, response, getServletContext(), token, found)));
        }
        return session;
    }
}
