package dev.sessionstore.coordination.memory;

import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.internal.JobBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slot claims in a map (job + slot → expiry on the hub's clock), the latest claimed slot per job, and
 * per-job run histories in bounded deques, newest first.
 */
final class MemoryJobs implements JobBackend {
    private record SlotKey(String job, Instant slot) {}

    private final Clock clock;
    private final Map<SlotKey, Long> claims = new HashMap<>();
    private final Map<String, Instant> latest = new HashMap<>();
    private final Map<String, Deque<JobRun>> histories = new HashMap<>();

    MemoryJobs(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean claim(
            String job, Instant slot, String instance, Duration retention, boolean onlyIfLatest) {
        long now = clock.millis();
        claims.values().removeIf(expiry -> expiry <= now);
        Instant last = latest.get(job);
        if (claims.containsKey(new SlotKey(job, slot)) || (onlyIfLatest && last != null && !slot.isAfter(last))) {
            return false;
        }
        claims.put(new SlotKey(job, slot), now + retention.toMillis());
        if (last == null || slot.isAfter(last)) {
            latest.put(job, slot);
        }
        return true;
    }

    @Override
    public synchronized Optional<Instant> latestClaimed(String job) {
        return Optional.ofNullable(latest.get(job));
    }

    @Override
    public synchronized void record(JobRun run, int maxLength) {
        Deque<JobRun> h = histories.computeIfAbsent(run.job(), j -> new ArrayDeque<>());
        h.addFirst(run);
        while (h.size() > maxLength) {
            h.removeLast();
        }
    }

    @Override
    public synchronized List<JobRun> history(String job, int limit) {
        return histories.getOrDefault(job, new ArrayDeque<>()).stream()
                .limit(limit)
                .toList();
    }
}
