package dev.sessionstore.servlet;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionToken;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request's view of a session: the snapshot the store returned (or nothing yet, for a session this request
 * started), the attributes as the application sees them, and the changes not yet saved. A new session reaches the
 * store at its first save, in one {@code create} that carries its attributes; a loaded one gets one {@code update}
 * with the changed attributes. Thread-safe (the request's threads share it).
 */
final class StoreSession implements HttpSession {
    private final FilterContext ctx;
    private final SessionResponse response;
    private final ServletContext servletContext;
    private final boolean isNew;
    private final long startedAt;
    private final SessionAttributes attributes;
    private @Nullable SessionToken token;
    private @Nullable Session stored;
    private Duration idleTimeout;
    private boolean valid = true;

    private StoreSession(
            FilterContext ctx,
            SessionResponse response,
            ServletContext servletContext,
            @Nullable SessionToken token,
            @Nullable Session stored) {
        this.ctx = ctx;
        this.response = response;
        this.servletContext = servletContext;
        this.token = token;
        this.stored = stored;
        this.isNew = stored == null;
        this.startedAt = System.currentTimeMillis();
        this.attributes = new SessionAttributes(ctx.codec(), stored == null ? Map.of() : stored.attributes());
        this.idleTimeout = stored == null ? ctx.options().idleTimeout() : stored.idleTimeout();
    }

    /** A session this request starts; nothing is stored until it is saved. */
    static StoreSession started(FilterContext ctx, SessionResponse response, ServletContext servletContext) {
        return new StoreSession(ctx, response, servletContext, null, null);
    }

    /** A session the request's cookie opened. */
    static StoreSession loaded(
            FilterContext ctx,
            SessionResponse response,
            ServletContext servletContext,
            SessionToken token,
            Session session) {
        return new StoreSession(ctx, response, servletContext, token, session);
    }

    @Override
    public synchronized long getCreationTime() {
        checkValid();
        Session s = stored;
        return s == null ? startedAt : s.createdAt().toEpochMilli();
    }

    /** The public id, never the token. A started session is saved first, to get one. */
    @Override
    public synchronized String getId() {
        checkValid();
        return persisted().id().value();
    }

    @Override
    public synchronized long getLastAccessedTime() {
        checkValid();
        Session s = stored;
        return s == null ? startedAt : s.lastAccessedAt().toEpochMilli();
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    /**
     * Honoured before the session is first saved (it becomes the stored idle timeout); ignored afterwards, with a
     * warning logged once, since a store fixes the idle timeout at creation.
     *
     * @throws IllegalArgumentException for zero or a negative value: every stored session expires
     */
    @Override
    public synchronized void setMaxInactiveInterval(int interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException(
                    "maxInactiveInterval must be positive (sessions always expire): " + interval);
        }
        if (stored == null) {
            idleTimeout = Duration.ofSeconds(interval);
        } else {
            ctx.warnOnce(
                    "maxInactiveInterval",
                    "setMaxInactiveInterval on a session already saved is ignored: the store fixes the idle timeout"
                            + " when it creates the session");
        }
    }

    @Override
    public synchronized int getMaxInactiveInterval() {
        return (int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds());
    }

    @Override
    public synchronized @Nullable Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public synchronized Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(attributes.names());
    }

    /**
     * Encodes the value now, so a value of a type that is not allowed fails here, naming the type. A value whose
     * JSON equals the current one is no change.
     *
     * @throws dev.sessionstore.json.DisallowedTypeException if the codec's allow-list does not hold the value's type
     */
    @Override
    public synchronized void setAttribute(String name, @Nullable Object value) {
        checkValid();
        Objects.requireNonNull(name, "name");
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.set(name, value);
        }
    }

    @Override
    public synchronized void removeAttribute(String name) {
        checkValid();
        attributes.remove(name);
    }

    /** Revokes the stored session and expires the cookie. */
    @Override
    public synchronized void invalidate() {
        checkValid();
        valid = false;
        SessionToken t = token;
        if (t != null) {
            ctx.store().revoke(t);
            ctx.cookies().expire(response);
        }
    }

    @Override
    public synchronized boolean isNew() {
        checkValid();
        return isNew;
    }

    synchronized boolean isValid() {
        return valid;
    }

    /** Whether this session was opened by {@code requested}, and is still that session. */
    synchronized boolean isOpenedBy(SessionToken requested) {
        SessionToken t = token;
        return valid && t != null && requested.equals(t);
    }

    /** Saves what changed: a started session is created (once), a loaded one updated; nothing if nothing changed. */
    synchronized void save() {
        if (!valid) {
            return;
        }
        SessionToken t = token;
        if (t == null) {
            if (response.isCommitted()) {
                ctx.warnOnce(
                        "committed",
                        "a session started after the response was committed cannot be sent to"
                                + " the client; it was not saved");
                return;
            }
            persisted();
        } else if (attributes.changed()) {
            try {
                stored = ctx.store().update(t, attributes.delta());
                attributes.clearChanges();
            } catch (SessionNotFoundException e) {
                gone();
            }
        }
    }

    /** The session's new public id after {@code store.rotate}: the old token is dead, the cookie replaced. */
    synchronized String rotate() {
        checkValid();
        SessionToken t = token;
        if (t == null) {
            return persisted().id().value();
        }
        try {
            CreatedSession rotated = ctx.store().rotate(t);
            token = rotated.token();
            stored = rotated.session();
            ctx.cookies().write(response, rotated.token());
            return rotated.session().id().value();
        } catch (SessionNotFoundException e) {
            gone();
            throw new IllegalStateException("the session has expired or was revoked", e);
        }
    }

    private Session persisted() {
        Session s = stored;
        if (s != null) {
            return s;
        }
        NewSession.Builder spec =
                NewSession.builder().attributes(attributes.all()).idleTimeout(idleTimeout);
        ctx.options().absoluteTimeout().ifPresent(spec::absoluteTimeout);
        CreatedSession created = ctx.store().create(spec.build());
        token = created.token();
        stored = created.session();
        attributes.clearChanges();
        if (response.isCommitted()) {
            ctx.warnOnce(
                    "committedCookie",
                    "a session was created after the response was committed; its cookie could not be sent");
        }
        ctx.cookies().write(response, created.token());
        return created.session();
    }

    /** The store no longer has the session (expired, or revoked by another request): drop the changes. */
    private void gone() {
        FilterContext.LOG.log(Level.DEBUG, "session {0} is gone; its changes were dropped", idText());
        valid = false;
        attributes.clearChanges();
        if (!response.isCommitted()) {
            ctx.cookies().expire(response);
        }
    }

    private String idText() {
        Session s = stored;
        return s == null ? "(new)" : s.id().value();
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("the session has been invalidated");
        }
    }
}
