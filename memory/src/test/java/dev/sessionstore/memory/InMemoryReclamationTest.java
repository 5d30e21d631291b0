package dev.sessionstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expired and revoked sessions leave nothing behind, without anybody reading them. */
class InMemoryReclamationTest {
    private static final Catalog.Footprint EMPTY = new Catalog.Footprint(0, 0, 0, 0, 0, 0);

    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(SessionPolicy.defaults(), clock);

    private void createExpiring(int count) {
        for (int i = 0; i < count; i++) {
            store.create(NewSession.builder()
                    .userId("user-" + (i % 50))
                    .index("tenant", "t" + (i % 3))
                    .idleTimeout(Duration.ofSeconds(1))
                    .build());
        }
    }

    @Test
    void purgeExpired_removesEveryExpiredSessionAndItsIndexEntries() {
        createExpiring(500);
        assertThat(store.footprint().sessions()).isEqualTo(500);

        clock.advance(Duration.ofSeconds(1));

        assertThat(store.purgeExpired()).isEqualTo(500);
        assertThat(store.footprint()).isEqualTo(EMPTY);
    }

    @Test
    void writes_reclaimExpiredSessions_withoutAnyReads() {
        createExpiring(100);
        clock.advance(Duration.ofSeconds(2));

        List<CreatedSession> fresh = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fresh.add(store.create(NewSession.anonymous()));
        }

        Catalog.Footprint footprint = store.footprint();
        assertThat(footprint.sessions()).isEqualTo(fresh.size());
        assertThat(footprint.userEntries()).isZero();
        assertThat(footprint.indexEntries()).isZero();
        assertThat(footprint.expiryMarks()).isEqualTo(fresh.size());
    }

    @Test
    void touchedSession_survivesTheSweep_andIsReclaimedAfterItsNewExpiry() {
        CreatedSession touched = store.create(
                NewSession.builder().idleTimeout(Duration.ofSeconds(10)).build());
        clock.advance(Duration.ofSeconds(8));
        store.touch(touched.token());
        clock.advance(Duration.ofSeconds(8));

        assertThat(store.purgeExpired()).isZero();
        assertThat(store.peek(touched.token())).isPresent();
        assertThat(store.footprint().expiryMarks()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(store.footprint()).isEqualTo(EMPTY);
    }

    @Test
    void revokedAndRotatedSessions_leaveNothingBehind() {
        List<CreatedSession> created = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(store.create(NewSession.builder()
                    .userId("user-" + (i % 5))
                    .index("device", "d" + i)
                    .build()));
        }
        for (int i = 0; i < 50; i += 2) {
            store.revoke(store.rotate(created.get(i).token()).token());
        }
        for (int i = 1; i < 50; i += 2) {
            store.revoke(created.get(i).session().id());
        }

        assertThat(store.footprint()).isEqualTo(EMPTY);
    }

    @Test
    void capEviction_leavesNothingOfTheEvictedSession() {
        InMemorySessionStore capped = new InMemorySessionStore(
                SessionPolicy.defaults()
                        .withLimits(SessionPolicy.defaults().limits().withMaxSessionsPerUser(2)),
                clock);
        for (int i = 0; i < 10; i++) {
            capped.create(
                    NewSession.builder().userId("u").index("device", "d" + i).build());
            clock.advance(Duration.ofMillis(5));
        }

        Catalog.Footprint footprint = capped.footprint();
        assertThat(footprint.sessions()).isEqualTo(2);
        assertThat(footprint.userEntries()).isEqualTo(2);
        assertThat(footprint.indexEntries()).isEqualTo(2);
        assertThat(footprint.expiryMarks()).isEqualTo(2);
    }
}
