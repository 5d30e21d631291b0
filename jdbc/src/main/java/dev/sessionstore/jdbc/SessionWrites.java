package dev.sessionstore.jdbc;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.JsonValue;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parts of create and update that decide what to write, run inside the operation's transaction:
 * the per-user cap (under the user's lock) and the merge of an attribute delta with its limit checks.
 */
final class SessionWrites {
    private final SessionPolicy policy;

    SessionWrites(SessionPolicy policy) {
        this.policy = policy;
    }

    /**
     * Inserts the session; with a user, first takes the user's lock and makes room under the cap or
     * refuses, as the policy says. The creation time is read after the lock, so creation order is commit
     * order among one user's sessions.
     */
    Session insert(SessionRepository repo, NewSession spec, Lifetimes t, SessionId id, Supplier<Instant> clock) {
        spec.userId().ifPresent(repo::lockUser);
        Instant now = clock.get();
        spec.userId().ifPresent(user -> makeRoom(repo, user, now));
        SessionEntity entity = new SessionEntity(
                id, spec.userId(), now, t.idle(), now.plus(t.absolute()), spec.attributes(), spec.indexes());
        repo.persist(entity);
        return entity.toSession();
    }

    /** The checked lifetimes of a create, worked out before any database work. */
    Lifetimes lifetimes(NewSession spec) {
        return new Lifetimes(
                policy.timeouts().idleFor(spec.idleTimeout()), policy.timeouts().absoluteFor(spec.absoluteTimeout()));
    }

    private void makeRoom(SessionRepository repo, String user, Instant now) {
        int max = policy.limits().maxSessionsPerUser();
        long live = repo.countLiveOfUser(user, now);
        if (live < max) {
            return;
        }
        if (policy.capPolicy() == CapPolicy.REFUSE) {
            throw new LimitExceededException("maxSessionsPerUser", max, live + 1);
        }
        repo.deleteOldestOfUser(user, now, (int) (live - max + 1));
    }

    /** Applies the delta to the locked live session, checks the version and the totals, bumps the version. */
    Session apply(Optional<SessionEntity> locked, SessionUpdate update) {
        SessionEntity entity = locked.orElseThrow(SessionNotFoundException::new);
        update.expectedVersion().ifPresent(expected -> {
            if (expected != entity.version()) {
                throw new VersionConflictException(expected, entity.version());
            }
        });
        Map<String, String> merged = new HashMap<>(entity.attributes());
        update.changes()
                .forEach((name, change) -> change.map(JsonValue::json)
                        .ifPresentOrElse(json -> merged.put(name, json), () -> merged.remove(name)));
        policy.limits().checkTotals(merged.size(), bytes(merged));
        update.changes().forEach((name, change) -> {
            if (change.isPresent()) {
                entity.attributes().put(name, change.get().json());
            } else {
                entity.attributes().remove(name);
            }
        });
        entity.nextVersion();
        return entity.toSession();
    }

    /** What {@link SessionLimits#attributeBytes} counts: UTF-8 bytes of each name and its compact JSON. */
    private static long bytes(Map<String, String> attributes) {
        long total = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return total;
    }

    /** The idle timeout and absolute lifetime of a create, checked. */
    record Lifetimes(Duration idle, Duration absolute) {}
}
