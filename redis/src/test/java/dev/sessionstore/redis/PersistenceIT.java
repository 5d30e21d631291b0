package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.embedded.RedisServerProcess.Persistence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With AOF fsync always, every acknowledged write survives a kill -9 of Redis. */
class PersistenceIT {
    @TempDir
    Path dir;

    @Test
    void acknowledgedSessions_surviveKillAndRestart() {
        try (RedisServerProcess redis = RedisServerProcess.create(dir, Persistence.AOF_ALWAYS, 0, List.of())) {
            redis.start();
            List<CreatedSession> live = new ArrayList<>();
            List<Session> updated = new ArrayList<>();
            CreatedSession revoked;
            try (RedisSessionStore store = store(redis)) {
                for (int i = 0; i < 50; i++) {
                    live.add(store.create(NewSession.builder()
                            .userId("gus")
                            .index("tenant", "acme")
                            .attribute("i", JsonValue.of(i))
                            .build()));
                }
                for (CreatedSession s : live.subList(0, 10)) {
                    updated.add(store.update(
                            s.token(),
                            SessionUpdate.builder().set("paid", JsonValue.TRUE).build()));
                }
                revoked = live.remove(live.size() - 1);
                store.revoke(revoked.token());
                redis.kill();
            }

            redis.start();
            try (RedisSessionStore store = store(redis)) {
                for (CreatedSession s : live) {
                    assertThat(store.peek(s.token())).as("session survived").isPresent();
                }
                for (Session u : updated) {
                    assertThat(store.listByUser("gus")).contains(u);
                }
                assertThat(store.peek(revoked.token()))
                        .as("a revoked session stays revoked")
                        .isEmpty();
                assertThat(store.listByUser("gus")).hasSize(live.size());
                assertThat(store.listByIndex("tenant", "acme")).hasSize(live.size());
                assertThat(store.revokeByUser("gus", Optional.empty())).hasSize(live.size());
            }
        }
    }

    private static RedisSessionStore store(RedisServerProcess redis) {
        return RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .build();
    }
}
