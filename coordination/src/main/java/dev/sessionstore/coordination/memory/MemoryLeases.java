package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.internal.LeaseBackend;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Locks in a map: name → (owner, expiry on the hub's clock); fences in a second map. */
final class MemoryLeases implements LeaseBackend {
    private record Held(String owner, long expiresAt) {}

    private final Clock clock;
    private final Map<String, Held> held = new HashMap<>();
    private final Map<String, Long> fences = new HashMap<>();

    MemoryLeases(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized OptionalLong acquire(String name, String owner, long leaseMillis) {
        if (holder(name) != null) {
            return OptionalLong.empty();
        }
        held.put(name, new Held(owner, clock.millis() + leaseMillis));
        return OptionalLong.of(fences.merge(name, 1L, Long::sum));
    }

    @Override
    public synchronized boolean renew(String name, String owner, long leaseMillis) {
        if (!owner.equals(holder(name))) {
            return false;
        }
        held.put(name, new Held(owner, clock.millis() + leaseMillis));
        return true;
    }

    @Override
    public synchronized boolean release(String name, String owner) {
        return owner.equals(holder(name)) && held.remove(name) != null;
    }

    @Override
    public synchronized long currentFence(String name) {
        return fences.getOrDefault(name, 0L);
    }

    private @Nullable String holder(String name) {
        Held h = held.get(name);
        if (h == null || clock.millis() >= h.expiresAt()) {
            held.remove(name);
            return null;
        }
        return h.owner();
    }
}
