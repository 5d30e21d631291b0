package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.embedded.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index listing pace on a real Redis: a walk cannot go faster than the store's {@code indexListingRate} once its
 * credit is spent, a user's listing does not wait behind it, and a listing interrupted while it waits ends with the
 * interrupt kept.
 */
class ListingPaceIT {
    private static final SessionPolicy POLICY =
            SessionPolicy.defaults().withLimits(SessionLimits.defaults().withMaxSessionsPerUser(10_000));

    private RedisServerProcess redis;
    private final List<RedisSessionStore> stores = new ArrayList<>();

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
    }

    @AfterEach
    void stop() {
        stores.forEach(RedisSessionStore::close);
        redis.close();
    }

    private RedisSessionStore store(int indexListingRate) {
        RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(5))
                .policy(POLICY)
                .indexListingRate(indexListingRate)
                .build();
        stores.add(store);
        return store;
    }

    private List<SessionId> createIndexed(RedisSessionStore store, int n) {
        List<SessionId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(store.create(NewSession.builder()
                            .userId("walker-" + (i % 50))
                            .index("tenant", "big")
                            .build())
                    .session()
                    .id());
        }
        return ids;
    }

    @Test
    void aWalk_goesNoFasterThanThePace_onceItsCreditIsSpent() {
        RedisSessionStore unpaced = store(0);
        List<SessionId> created = createIndexed(unpaced, 1_600);
        RedisSessionStore paced = store(400);

        // every session is one unit at least: 1,600 units, 1,000 of them credit, the rest at 400 a second; the last
        // round (at most 100 sessions) is paid after the walk: at least 500 units, 1.25 s, are waited for
        long t0 = System.nanoTime();
        List<SessionId> seen = walk(paced, 100);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(elapsedMs).as("ms to walk 1,600 sessions at 400 a second").isGreaterThanOrEqualTo(1_250);
        assertThat(walk(unpaced, 100)).hasSize(1_600); // the same walk unpaced: no bound to check, it just works
    }

    @Test
    void aUsersListing_doesNotWaitBehindAPacedWalk_andAnInterruptedWaitEndsTheWalk() throws Exception {
        RedisSessionStore unpaced = store(0);
        createIndexed(unpaced, 1_200);
        RedisSessionStore paced = store(10); // the 200 units past the credit alone take 20 s

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> walk = pool.submit(() -> paced.listByIndex("tenant", "big"));
            Thread.sleep(1_000); // the credit goes in well under a second; then the walk waits
            assertThat(walk.isDone()).as("the walk, paced").isFalse();

            SessionPage mine = paced.listByUser("walker-7", PageRequest.first(100));
            assertThat(mine.sessions()).hasSize(24);
            assertThat(walk.isDone())
                    .as("the walk, still waiting after the user's listing")
                    .isFalse();

            walk.cancel(true); // interrupts the waiting walk
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        ExecutorService interrupted = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> flag = interrupted.submit(() -> {
                Thread.currentThread().interrupt();
                assertThatThrownBy(() -> paced.listByIndex("tenant", "big", PageRequest.first(100)))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("interrupted");
                return Thread.currentThread().isInterrupted();
            });
            assertThat(flag.get(10, TimeUnit.SECONDS)).as("the interrupt, kept").isTrue();
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            interrupted.shutdownNow();
        }
    }

    @Test
    void theRate_isChecked() {
        for (int bad : new int[] {-1, 1, 9, RedisSessionStoreBuilder.MAX_INDEX_LISTING_RATE + 1}) {
            assertThatThrownBy(() -> RedisSessionStore.builder()
                            .redisUri(redis.uri())
                            .indexListingRate(bad)
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("indexListingRate")
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    private static List<SessionId> walk(RedisSessionStore store, int limit) {
        List<SessionId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            SessionPage page = store.listByIndex("tenant", "big", new PageRequest(limit, cursor));
            page.sessions().forEach(s -> seen.add(s.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return seen;
    }
}
