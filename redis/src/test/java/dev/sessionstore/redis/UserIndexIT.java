package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The user index of a tag is a linear hash of bucket zsets shared by the tag's users: it splits as the
 * tag fills, every member stays in the bucket the documented rule names, listings stay exact, and it
 * leaves no key behind.
 */
class UserIndexIT {
    private static final String TAG = "3c";

    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore(SessionPolicy.defaults()
            .withLimits(SessionLimits.defaults().withMaxSessionsPerUser(3))
            .withCapPolicy(CapPolicy.EVICT_OLDEST));

    @Test
    void manyUsersInOneTag_splitTheIndex_andEveryListingStaysExact() throws Exception {
        List<String> users = usersOfTag(TAG, 700);
        Map<String, Set<SessionId>> expected = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            Set<SessionId> ids = expected.computeIfAbsent(user, u -> new HashSet<>());
            for (int k = 0; k < 1 + i % 2; k++) {
                CreatedSession s = create(user, Duration.ofMinutes(30));
                ids.add(s.session().id());
                if (i % 7 == 0) {
                    CreatedSession r = redis.store().rotate(s.token());
                    ids.remove(s.session().id());
                    ids.add(r.session().id());
                }
            }
        }
        for (int i = 0; i < users.size(); i += 11) {
            redis.store().revokeByUser(users.get(i), Optional.empty());
            expected.get(users.get(i)).clear();
        }

        Map<String, String> state = redis.probe().redis().hgetall("ss:{" + TAG + "}:u");
        int level = Integer.parseInt(state.get("l"));
        int pointer = Integer.parseInt(state.get("p"));
        int buckets = (1 << level) + pointer;
        assertThat(buckets).as("buckets after ~1000 entries").isGreaterThanOrEqualTo(8);

        List<String> all = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            List<String> bucket = redis.probe().redis().zrange("ss:{" + TAG + "}:u:" + b, 0, -1);
            assertThat(bucket.size()).as("bucket " + b).isLessThanOrEqualTo(200);
            for (String member : bucket) {
                long h = Long.parseLong(member.substring(0, 8), 16);
                long home = h % (1L << level) < pointer ? h % (1L << (level + 1)) : h % (1L << level);
                assertThat(home).as(member).isEqualTo(b);
            }
            all.addAll(bucket);
        }
        long sessions = expected.values().stream().mapToLong(Set::size).sum();
        assertThat(all).hasSize((int) sessions);
        assertThat(Long.parseLong(state.get("n"))).isEqualTo(sessions);
        assertThat(redis.probe().redis().keys("ss:{" + TAG + "}:u:*")).hasSizeLessThanOrEqualTo(buckets);

        for (String user : users) {
            assertThat(redis.store().listByUser(user))
                    .as(user)
                    .extracting(Session::id)
                    .containsExactlyInAnyOrderElementsOf(expected.get(user));
            String digest = digest(user);
            assertThat(all.stream().filter(m -> m.startsWith(digest)))
                    .hasSize(expected.get(user).size());
        }
    }

    /**
     * Random creates, touches, rotations, revocations, sign-outs-everywhere and cap evictions over 400 users
     * of one tag, against a model of who holds which session; then every listing matches the model and the
     * index holds exactly one member per live session, each in its home bucket.
     */
    @Test
    void randomOperations_keepTheIndexExact() throws Exception {
        List<String> users = usersOfTag(TAG, 400);
        Map<String, List<CreatedSession>> model = new HashMap<>();
        Map<String, Long> lastCreate = new HashMap<>();
        Random random = new Random(20261126);
        for (int step = 0; step < 4000; step++) {
            String user = users.get(random.nextInt(users.size()));
            List<CreatedSession> mine = model.computeIfAbsent(user, u -> new ArrayList<>());
            int op = random.nextInt(10);
            if (op < 4 || mine.isEmpty()) {
                // "oldest" is by creation millisecond: keep a user's creates apart
                long since = System.currentTimeMillis() - lastCreate.getOrDefault(user, 0L);
                if (since < 3) {
                    Thread.sleep(3 - since);
                }
                mine.add(create(user, Duration.ofMinutes(30)));
                lastCreate.put(user, System.currentTimeMillis());
                if (mine.size() > 3) {
                    mine.removeFirst(); // the cap (3) evicts the oldest
                }
            } else if (op < 6) {
                assertThat(redis.store()
                                .touch(mine.get(random.nextInt(mine.size())).token()))
                        .isPresent();
            } else if (op < 8) {
                int k = random.nextInt(mine.size());
                mine.set(k, redis.store().rotate(mine.get(k).token()));
            } else if (op < 9) {
                assertThat(redis.store()
                                .revoke(mine.remove(random.nextInt(mine.size())).token()))
                        .isPresent();
            } else {
                assertThat(redis.store().revokeByUser(user, Optional.empty())).hasSize(mine.size());
                mine.clear();
            }
        }

        Map<String, String> state = redis.probe().redis().hgetall("ss:{" + TAG + "}:u");
        int level = Integer.parseInt(state.get("l"));
        int pointer = Integer.parseInt(state.get("p"));
        long members = 0;
        for (int b = 0; b < (1 << level) + pointer; b++) {
            for (String member : redis.probe().redis().zrange("ss:{" + TAG + "}:u:" + b, 0, -1)) {
                long h = Long.parseLong(member.substring(0, 8), 16);
                long home = h % (1L << level) < pointer ? h % (1L << (level + 1)) : h % (1L << level);
                assertThat(home).as(member).isEqualTo(b);
                members++;
            }
        }
        long live = model.values().stream().mapToLong(List::size).sum();
        assertThat(members).isEqualTo(live);
        assertThat(Long.parseLong(state.get("n"))).isEqualTo(live);
        for (var e : model.entrySet()) {
            assertThat(redis.store().listByUser(e.getKey()))
                    .as(e.getKey())
                    .extracting(Session::id)
                    .containsExactlyInAnyOrderElementsOf(
                            e.getValue().stream().map(c -> c.session().id()).toList());
        }
    }

    /**
     * CREATE and touch settle a bucket without reading its top score back when the score is at least the state's
     * {@code e}: each bucket must still expire at its highest score, and the state at {@code e}, at least the
     * highest of them, whatever mix of timeouts wrote them.
     */
    @Test
    void bucketsAndState_expireAtTheirHighestScore_withMixedTimeouts() {
        List<String> users = usersOfTag(TAG, 300);
        // a few long ones: a bucket without one yet gets one whose score is the state's e
        List<Duration> idles = List.of(Duration.ofMinutes(2), Duration.ofMinutes(30));
        Random random = new Random(20261204);
        List<CreatedSession> made = new ArrayList<>();
        for (int step = 0; step < 900; step++) {
            if (made.isEmpty() || random.nextInt(3) > 0) {
                Duration idle = random.nextInt(20) == 0 ? Duration.ofHours(2) : idles.get(random.nextInt(idles.size()));
                made.add(create(users.get(random.nextInt(users.size())), idle));
            } else {
                redis.store().touch(made.get(random.nextInt(made.size())).token());
            }
            assertBucketsAndStateExpireAtTheirHighestScore();
        }
    }

    private void assertBucketsAndStateExpireAtTheirHighestScore() {
        var r = redis.probe().redis();
        String base = "ss:{" + TAG + "}:u";
        Map<String, String> state = r.hgetall(base);
        int buckets = (1 << Integer.parseInt(state.get("l"))) + Integer.parseInt(state.get("p"));
        long highest = 0;
        for (int b = 0; b < buckets; b++) {
            var top = r.zrangeWithScores(base + ":" + b, -1, -1);
            if (top.isEmpty()) {
                continue;
            }
            long score = (long) top.getFirst().getScore();
            highest = Math.max(highest, score);
            assertThat(expiresAt(base + ":" + b)).as("bucket %d", b).isBetween(score - 2, score + 2);
        }
        long e = Long.parseLong(state.get("e"));
        assertThat(e).isGreaterThanOrEqualTo(highest); // the cap's evictions may have removed a top entry
        assertThat(expiresAt(base)).as("state").isBetween(e - 2, e + 2);
    }

    private int redisMajorVersion; // 0 until asked

    /**
     * A key's expiry in ms since the epoch: {@code PEXPIRETIME} on Redis 7 and later (exact); on 6.2 TIME and PTTL
     * read in one script, which a pause of the Redis process between the two (this shared machine) can put a few ms
     * off.
     */
    private long expiresAt(String key) {
        if (redisMajorVersion == 0) {
            redisMajorVersion = redis.probe().majorVersion();
        }
        if (redisMajorVersion >= 7) {
            return redis.probe().redis().pexpiretime(key);
        }
        List<Long> r = redis.probe()
                .redis()
                .eval(
                        "local t = redis.call('TIME') return {tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000),"
                                + " redis.call('PTTL', KEYS[1])}",
                        ScriptOutputType.MULTI,
                        key);
        return r.get(0) + r.get(1);
    }

    @Test
    void theCap_evictsTheOldest_afterSplits() throws InterruptedException {
        List<String> users = usersOfTag(TAG, 200);
        for (String user : users) {
            create(user, Duration.ofMinutes(30));
        }
        String user = users.get(123);
        List<SessionId> created = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Thread.sleep(2); // "oldest" is by creation millisecond
            created.add(create(user, Duration.ofMinutes(30)).session().id());
        }
        // the user's first session and created[0] were evicted: the cap is 3
        assertThat(redis.store().listByUser(user))
                .extracting(Session::id)
                .containsExactlyElementsOf(created.subList(1, 4));
    }

    /** One user's sessions share a digest and so a bucket: hundreds of them must not make the index split. */
    @Test
    void oneUserWithManySessions_doesNotSplitTheIndex() {
        SessionPolicy bigCap =
                SessionPolicy.defaults().withLimits(SessionLimits.defaults().withMaxSessionsPerUser(1000));
        try (RedisSessionStore store =
                RedisSessionStore.builder().redisUri(redis.uri()).policy(bigCap).build()) {
            List<String> users = usersOfTag(TAG, 21);
            for (String other : users.subList(1, 21)) {
                store.create(NewSession.forUser(other));
            }
            for (int k = 0; k < 400; k++) {
                store.create(NewSession.forUser(users.get(0)));
            }
            Map<String, String> state = redis.probe().redis().hgetall("ss:{" + TAG + "}:u");
            assertThat((1 << Integer.parseInt(state.get("l"))) + Integer.parseInt(state.get("p")))
                    .as("buckets: 420 entries, but only 20 of them from other users")
                    .isEqualTo(1);
            assertThat(store.listByUser(users.get(0))).hasSize(400);
            assertThat(state.get("n")).isEqualTo("420");
        }
    }

    @Test
    void revokingEveryone_leavesZeroKeys() {
        List<String> users = usersOfTag(TAG, 300);
        for (String user : users) {
            create(user, Duration.ofMinutes(30));
            create(user, Duration.ofMinutes(30));
        }
        assertThat(redis.probe().redis().keys("ss:{" + TAG + "}:u:*")).hasSizeGreaterThan(2);
        for (String user : users) {
            assertThat(redis.store().revokeByUser(user, Optional.empty())).hasSize(2);
        }
        assertThat(redis.probe().redis().dbsize()).isZero();
    }

    @Test
    void expiringEveryone_leavesZeroKeys() {
        for (String user : usersOfTag(TAG, 300)) {
            create(user, Duration.ofSeconds(1));
        }
        assertThat(redis.probe().redis().keys("ss:{" + TAG + "}:u:*")).hasSizeGreaterThan(2);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(redis.probe().redis().dbsize()).isZero());
    }

    private CreatedSession create(String user, Duration idle) {
        return redis.store()
                .create(NewSession.builder().userId(user).idleTimeout(idle).build());
    }

    /** {@code count} user ids whose shard tag is {@code tag}. */
    static List<String> usersOfTag(String tag, int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; users.size() < count; i++) {
            String user = "member-" + i;
            if (SessionToken.tagFor(user).equals(tag)) {
                users.add(user);
            }
        }
        return users;
    }

    static String digest(String user) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(user.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha1).substring(0, 8);
    }
}
