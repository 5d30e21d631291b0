package dev.sessionstore.testkit;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store decorator that counts the calls made to it, by operation name ({@code create}, {@code touch}, {@code peek},
 * {@code update}, {@code rotate}, {@code revoke}, {@code revokeById}, {@code listByUser}, {@code revokeByUser}, {@code
 * listByIndex}): tests of adapters (servlet filter, Spring Session repository) prove how many store calls a request
 * costs. Thread-safe.
 */
public final class CountingStore extends ForwardingSessionStore {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public CountingStore(SessionStore delegate) {
        super(delegate);
    }

    public int count(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void reset() {
        calls.clear();
    }

    private void count0(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public CreatedSession create(NewSession spec) {
        count0("create");
        return super.create(spec);
    }

    @Override
    public Optional<Session> touch(SessionToken token) {
        count0("touch");
        return super.touch(token);
    }

    @Override
    public Optional<Session> peek(SessionToken token) {
        count0("peek");
        return super.peek(token);
    }

    @Override
    public Session update(SessionToken token, SessionUpdate update) {
        count0("update");
        return super.update(token, update);
    }

    @Override
    public CreatedSession rotate(SessionToken token) {
        count0("rotate");
        return super.rotate(token);
    }

    @Override
    public Optional<Session> revoke(SessionToken token) {
        count0("revoke");
        return super.revoke(token);
    }

    @Override
    public Optional<Session> revoke(SessionId id) {
        count0("revokeById");
        return super.revoke(id);
    }

    @Override
    public List<Session> listByUser(String userId) {
        count0("listByUser");
        return super.listByUser(userId);
    }

    @Override
    public SessionPage listByUser(String userId, PageRequest page) {
        count0("listByUser");
        return super.listByUser(userId, page);
    }

    @Override
    public List<SessionId> revokeByUser(String userId, Optional<SessionId> keep) {
        count0("revokeByUser");
        return super.revokeByUser(userId, keep);
    }

    @Override
    public List<Session> listByIndex(String name, String value) {
        count0("listByIndex");
        return super.listByIndex(name, value);
    }

    @Override
    public SessionPage listByIndex(String name, String value, PageRequest page) {
        count0("listByIndex");
        return super.listByIndex(name, value, page);
    }
}
