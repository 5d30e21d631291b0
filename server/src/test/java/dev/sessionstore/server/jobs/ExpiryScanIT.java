package dev.sessionstore.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.JobContext;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.redis.RedisCoordination;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.server.webhooks.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpiryScanIT {
    private static RedisServerProcess redis;
    private static OwnRedis connection;
    private static RedisSessionStore store;
    private static Coordination coordination;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.startEphemeral();
        connection = OwnRedis.connect(redis.uri(), false, Optional.empty(), Optional.empty());
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .policy(SessionPolicy.defaults())
                .keyPrefix("ss")
                .build();
        coordination =
                RedisCoordination.builder(redis.uri()).instanceId("scan-1").build();
    }

    @AfterAll
    static void stop() {
        coordination.close();
        store.close();
        connection.close();
        redis.stop();
    }

    @Test
    void run_reportsSessionsThatExpiredButNotThoseRevokedOrStillLive() throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        ExpiryScan scan = new ExpiryScan(connection, store.inspection(), "ssrv-test", events::add, Clock.systemUTC());
        CreatedSession shortLived = store.create(NewSession.builder()
                .userId("alice")
                .idleTimeout(Duration.ofSeconds(1))
                .build());
        CreatedSession anonymousShort = store.create(
                NewSession.builder().idleTimeout(Duration.ofSeconds(1)).build());
        CreatedSession longLived =
                store.create(NewSession.builder().userId("bob").build());
        CreatedSession revoked =
                store.create(NewSession.builder().userId("carol").build());

        assertThat(runOnce(scan)).isZero();
        store.revoke(revoked.token());
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> store.peek(shortLived.token()).isEmpty()
                        && store.peek(anonymousShort.token()).isEmpty());

        assertThat(runOnce(scan)).isEqualTo(2);
        assertThat(events).allMatch(e -> e.type() == SessionEvent.Type.EXPIRED);
        assertThat(events)
                .extracting(SessionEvent::sessionId)
                .containsExactlyInAnyOrder(
                        shortLived.session().id(), anonymousShort.session().id());
        assertThat(events)
                .filteredOn(e -> e.sessionId().equals(shortLived.session().id()))
                .allMatch(e -> e.userId().orElseThrow().equals("alice"));
        assertThat(store.peek(longLived.token())).isPresent();

        assertThat(runOnce(scan)).as("an expiry is reported once").isZero();
    }

    private static int runOnce(ExpiryScan scan) {
        try (FencedLease lease = coordination
                .locks()
                .tryAcquire("expiry-scan-test", LockOptions.lease(Duration.ofSeconds(30)))
                .orElseThrow()) {
            return scan.run(new JobContext() {
                @Override
                public String job() {
                    return "expiry-scan-test";
                }

                @Override
                public Instant slot() {
                    return Instant.now();
                }

                @Override
                public String instanceId() {
                    return "scan-1";
                }

                @Override
                public FencedLease lease() {
                    return lease;
                }
            });
        }
    }
}
