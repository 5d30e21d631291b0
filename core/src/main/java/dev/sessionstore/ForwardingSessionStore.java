package dev.sessionstore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SessionStore} that forwards every call to another store, for decorators: a subclass overrides only the
 * operations it adds to (metrics, events, logging) and calls {@code super} or {@link #delegate()} to reach the store.
 * Every method of {@link SessionStore} is forwarded here, so a decorator shows only what it adds. Thread-safe when
 * the delegate is.
 */
public abstract class ForwardingSessionStore implements SessionStore {
    private final SessionStore delegate;

    /** @param delegate the store every call goes to */
    protected ForwardingSessionStore(SessionStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store every call goes to. */
    protected final SessionStore delegate() {
        return delegate;
    }

    @Override
    public CreatedSession create(NewSession spec) {
        return delegate.create(spec);
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        return delegate.touch(token);
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        return delegate.peek(token);
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        return delegate.update(token, update);
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        return delegate.rotate(token);
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        return delegate.revoke(token);
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        return delegate.revoke(id);
    }

    @Override
    public List<Session> listByUser(String userId) {
        return delegate.listByUser(userId);
    }

    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        return delegate.listByUser(userId, page);
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        return delegate.revokeByUser(userId, keep);
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        return delegate.listByIndex(name, value);
    }

    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        return delegate.listByIndex(name, value, page);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
