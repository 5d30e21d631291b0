package dev.sessionstore.server.jobs;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The figures the statistics job measures for the admin page.
 *
 * @param liveSessions live sessions, if the store counts them
 * @param datasetBytes Redis {@code INFO memory used_memory_dataset}, if there is a Redis
 * @param bytesPerSession {@code MEMORY USAGE} of the store's keys per session, if there is a Redis
 * @param measuredAt when the job measured them, on the measuring instance's clock
 * @param instance the instance that ran the job
 * @param fence the fencing token of that run
 */
public record StoreStats(
        OptionalLong liveSessions,
        OptionalLong datasetBytes,
        OptionalLong bytesPerSession,
        Instant measuredAt,
        String instance,
        long fence) {
    public StoreStats {
        Objects.requireNonNull(liveSessions, "liveSessions");
        Objects.requireNonNull(datasetBytes, "datasetBytes");
        Objects.requireNonNull(bytesPerSession, "bytesPerSession");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(instance, "instance");
    }

    /** {@code used_memory_dataset} divided by the live sessions, if both are known and there are sessions. */
    public OptionalLong datasetBytesPerLiveSession() {
        if (liveSessions.isPresent() && liveSessions.getAsLong() > 0 && datasetBytes.isPresent()) {
            return OptionalLong.of(datasetBytes.getAsLong() / liveSessions.getAsLong());
        }
        return OptionalLong.empty();
    }

    Map<String, String> toFields() {
        Map<String, String> f = new HashMap<>();
        f.put("live", text(liveSessions));
        f.put("dataset", text(datasetBytes));
        f.put("perSession", text(bytesPerSession));
        f.put("at", Long.toString(measuredAt.toEpochMilli()));
        f.put("instance", instance);
        f.put("fence", Long.toString(fence));
        return f;
    }

    static Optional<StoreStats> fromFields(Map<String, String> f) {
        if (!f.containsKey("at") || !f.containsKey("instance")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoreStats(
                    number(f.get("live")),
                    number(f.get("dataset")),
                    number(f.get("perSession")),
                    Instant.ofEpochMilli(Long.parseLong(f.get("at"))),
                    f.get("instance"),
                    Long.parseLong(f.getOrDefault("fence", "0"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "";
    }

    private static OptionalLong number(@Nullable String s) {
        return s == null || s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
    }
}
