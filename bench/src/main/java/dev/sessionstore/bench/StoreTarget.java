package dev.sessionstore.bench;

import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import java.util.concurrent.atomic.AtomicLong;

/** A sessionstore {@link SessionStore} (Redis, PostgreSQL or in-memory) under the workload. */
final class StoreTarget implements Target {
    private final String name;
    private final Backing backing;
    private final SessionStore store;
    private final Runnable onClose;
    private final AtomicLong seq = new AtomicLong();

    StoreTarget(String name, Backing backing, SessionStore store, Runnable onClose) {
        this.name = name;
        this.backing = backing;
        this.store = store;
        this.onClose = onClose;
    }

    /** The workload's new session: the user and three 20-character string attributes. */
    static NewSession newSession(String userId, long seed) {
        NewSession.Builder b = NewSession.builder().userId(userId);
        for (int i = 0; i < Workload.ATTRIBUTE_NAMES.size(); i++) {
            b.attribute(Workload.ATTRIBUTE_NAMES.get(i), JsonValue.of(Workload.value(seed * 3 + i)));
        }
        return b.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Backing backing() {
        return backing;
    }

    @Override
    public boolean supports(Op op) {
        return true;
    }

    @Override
    public Object create(String userId) {
        return store.create(newSession(userId, seq.incrementAndGet())).token();
    }

    @Override
    public void touch(Object handle) {
        if (store.touch((SessionToken) handle).isEmpty()) {
            throw new IllegalStateException(name + ": session not found");
        }
    }

    @Override
    public void update(Object handle, String value) {
        store.update(
                (SessionToken) handle,
                SessionUpdate.builder()
                        .set(Workload.ATTRIBUTE_NAMES.get(0), JsonValue.of(value))
                        .build());
    }

    @Override
    public int list(String userId) {
        return store.listByUser(userId).size();
    }

    @Override
    public void revoke(Object handle) {
        store.revoke((SessionToken) handle);
    }

    @Override
    public void close() {
        store.close();
        onClose.run();
    }
}
