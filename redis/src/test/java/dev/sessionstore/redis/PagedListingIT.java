package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis paged listings do bounded work per page whatever the size of the zset they walk (counted with {@code INFO
 * commandstats}, which counts the commands scripts run), never miss a session that a touch moves to a later index
 * score, and drop the index entries of sessions that are gone.
 */
class PagedListingIT {
    private static final String USER = "paging-user";
    private static final Pattern CALLS = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)");

    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore(
            SessionPolicy.defaults().withLimits(SessionLimits.defaults().withMaxSessionsPerUser(10_000)));

    @Test
    void eachPage_loadsAtMostLimitSessions_ofAZsetOfThousands() {
        // one user: all 3,000 sessions in one tag, so that tag's value index and user bucket hold 3,000 entries,
        // made within a few seconds, so they share a handful of (quantized) scores: the cursor lands among ties
        List<SessionId> created = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            created.add(redis.store()
                    .create(NewSession.builder()
                            .userId(USER)
                            .index("tenant", "big")
                            .build())
                    .session()
                    .id());
        }

        // a tag costs a page 3 zset reads (clean, find the position, read) and a few more to find it among ties; the
        // index listing may step over all 256 tags in a page, the user listing reads one
        record Listing(Function<PageRequest, SessionPage> pages, long maxReads) {}
        for (Listing listing : List.of(
                new Listing(p -> redis.store().listByIndex("tenant", "big", p), 3 * 256 + 30),
                new Listing(p -> redis.store().listByUser(USER, p), 30))) {
            List<SessionId> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                redis.probe().redis().configResetstat();
                SessionPage page = listing.pages().apply(new PageRequest(25, cursor));
                List<Long> counts = commandCounts();
                assertThat(counts.get(0)).as("sessions loaded by one page").isLessThanOrEqualTo(25);
                assertThat(counts.get(1)).as("zset reads by one page").isLessThanOrEqualTo(listing.maxReads());
                page.sessions().forEach(s -> seen.add(s.id()));
                cursor = page.nextCursor();
                assertThat(++pages).as("pages").isLessThan(1_000);
            } while (cursor.isPresent());
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            assertThat(pages).isBetween(120, 130);
        }
    }

    @Test
    void aSessionTouchedIntoALaterScore_isNeverMissed() throws InterruptedException {
        // idle 2 s: the index score quantum is 1 s, so a touch a second later moves every session to a later score
        List<CreatedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sessions.add(redis.store()
                    .create(NewSession.builder()
                            .userId(USER)
                            .index("tenant", "moving")
                            .idleTimeout(Duration.ofSeconds(2))
                            .build()));
        }
        SessionPage first = redis.store().listByIndex("tenant", "moving", PageRequest.first(10));
        Set<SessionId> seen = new HashSet<>();
        first.sessions().forEach(s -> seen.add(s.id()));
        Thread.sleep(1_100);
        sessions.forEach(s -> assertThat(redis.store().touch(s.token())).isPresent());

        Optional<String> cursor = first.nextCursor();
        while (cursor.isPresent()) {
            SessionPage page = redis.store().listByIndex("tenant", "moving", PageRequest.after(cursor.get(), 10));
            page.sessions().forEach(s -> seen.add(s.id()));
            cursor = page.nextCursor();
        }

        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        sessions.stream().map(s -> s.session().id()).toList());
    }

    /**
     * A dense index (150 sessions in each of the first four tags): every page crosses into the next tag by asking it
     * alone, so the walk loads each session once and no call loads rows that are dropped; then the empty tags after
     * them are stepped over in widening rounds.
     */
    @Test
    void aDenseIndex_isWalked_loadingEachSessionOnce() {
        List<SessionId> created = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String user = UserIndexIT.usersOfTag(RedisKeys.TAGS.get(t), 1).getFirst();
            for (int i = 0; i < 150; i++) {
                created.add(redis.store()
                        .create(NewSession.builder()
                                .userId(user)
                                .index("tenant", "dense")
                                .build())
                        .session()
                        .id());
            }
        }

        List<SessionId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        long loaded = 0;
        int pages = 0;
        do {
            redis.probe().redis().configResetstat();
            SessionPage page = redis.store().listByIndex("tenant", "dense", new PageRequest(40, cursor));
            loaded += commandCounts().get(0);
            page.sessions().forEach(s -> seen.add(s.id()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (cursor.isPresent());

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(loaded).as("sessions loaded by the whole walk").isEqualTo(created.size());
    }

    @Test
    void entriesOfSessionsThatAreGone_areDroppedByPaging() {
        List<CreatedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sessions.add(redis.store()
                    .create(NewSession.builder().index("tenant", "evicting").build()));
        }
        List<SessionId> kept = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionToken token = sessions.get(i).token();
            if (i % 2 == 0) {
                kept.add(token.id());
            } else { // as if Redis had evicted the session hash (an evicting maxmemory-policy)
                String sid = token.id().value().substring(2);
                redis.probe().redis().del("ss:{" + token.tag() + "}:" + sid);
            }
        }

        List<SessionId> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            SessionPage page = redis.store().listByIndex("tenant", "evicting", new PageRequest(7, cursor));
            page.sessions().forEach(s -> listed.add(s.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(kept);
        long entries = redis.probe().redis().keys("ss:{*}:x:tenant:evicting").stream()
                .mapToLong(k -> redis.probe().redis().zcard(k))
                .sum();
        assertThat(entries).isEqualTo(kept.size());
    }

    /** Since the last reset: HGETALL calls (sessions loaded) and ZRANGE / ZRANGEBYSCORE / ZCOUNT calls. */
    private List<Long> commandCounts() {
        long loads = 0;
        long reads = 0;
        Matcher m = CALLS.matcher(redis.probe().redis().info("commandstats"));
        while (m.find()) {
            long calls = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "hgetall" -> loads += calls;
                case "zrange", "zrangebyscore", "zcount" -> reads += calls;
                default -> {}
            }
        }
        return List.of(loads, reads);
    }
}
