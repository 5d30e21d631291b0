package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionToken;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The layout in {@code docs/redis-layout.md} is what the store writes, read here with plain commands. */
class LayoutIT {
    private static final Pattern KEY = Pattern.compile("ss:\\{([0-9a-f]{2})}:([A-Za-z0-9_-]{22}|u|u:[0-9]+|x:.+)");

    @RegisterExtension
    final PrivateRedisStore redis = new PrivateRedisStore();

    @Test
    void aSessionIsFound_fromItsToken_asTheDocumentSays() throws Exception {
        CreatedSession s = redis.store()
                .create(NewSession.builder()
                        .userId("hana")
                        .attribute("theme", JsonValue.of("dark"))
                        .index("tenant", "acme")
                        .idleTimeout(Duration.ofMinutes(30))
                        .absoluteTimeout(Duration.ofHours(12))
                        .build());
        String token = s.token().reveal();

        // the steps of docs/redis-layout.md, without the store's code
        String tag = token.substring(4, 6);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        String sid = Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 22);
        String key = "ss:{" + tag + "}:" + sid;
        Map<String, byte[]> hash = new HashMap<>();
        redis.probe().binary().hgetall(bytes(key)).forEach((f, v) -> hash.put(text(f), v));

        assertThat(tag + sid).isEqualTo(s.session().id().value());
        assertThat(tag)
                .isEqualTo(HexFormat.of()
                        .toHexDigits(MessageDigest.getInstance("SHA-256")
                                .digest("hana".getBytes(StandardCharsets.UTF_8))[0]));
        assertThat(hash).containsOnlyKeys("m", "u", "x.tenant", "@theme");
        assertThat(text(hash.get("u"))).isEqualTo("hana");
        assertThat(text(hash.get("x.tenant"))).isEqualTo("acme");
        assertThat(text(hash.get("@theme"))).isEqualTo("\"dark\"");
        byte[] m = hash.get("m");
        assertThat(m).hasSize(27);
        long c = unsigned(m, 0, 6);
        assertThat(unsigned(m, 6, 6)).as("a").isEqualTo(c);
        assertThat(unsigned(m, 12, 5)).as("i").isEqualTo(1_800_000);
        assertThat(unsigned(m, 17, 6)).as("d").isEqualTo(c + 12 * 3600_000L);
        assertThat(unsigned(m, 23, 4)).as("v").isEqualTo(1);
        assertThat(c).isEqualTo(s.session().createdAt().toEpochMilli());
        assertThat(redis.probe().redis().objectEncoding(key)).isIn("listpack", "ziplist");
        long expiresAt = c + 1_800_000;
        assertThat(System.currentTimeMillis() + redis.probe().redis().pttl(key)).isBetween(expiresAt - 2000, expiresAt);

        // the user index: state hash, then the bucket of the user digest, then the member
        long quantum = 1_800_000 / 16;
        long score = Math.min(Math.ceilDiv(expiresAt, quantum) * quantum, c + 12 * 3600_000L);
        Map<String, String> state = redis.probe().redis().hgetall("ss:{" + tag + "}:u");
        assertThat(state).containsEntry("l", "0").containsEntry("p", "0").containsEntry("n", "1");
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest("hana".getBytes(StandardCharsets.UTF_8)))
                .substring(0, 8);
        long bucket = Long.parseLong(digest, 16) % (1L << Integer.parseInt(state.get("l")));
        String bucketKey = "ss:{" + tag + "}:u:" + bucket;
        assertThat(redis.probe().redis().zscore(bucketKey, digest + sid)).isEqualTo((double) score);
        assertThat(redis.probe().redis().zscore("ss:{" + tag + "}:x:tenant:acme", sid))
                .isEqualTo((double) score);
        long indexTtl = redis.probe().redis().pttl(bucketKey);
        long sessionTtl = redis.probe().redis().pttl(key);
        assertThat(indexTtl).isBetween(sessionTtl, sessionTtl + quantum);
        assertThat(redis.probe().redis().pttl("ss:{" + tag + "}:u")).isGreaterThanOrEqualTo(indexTtl - 5);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static long unsigned(byte[] b, int from, int length) {
        long v = 0;
        for (int i = from; i < from + length; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    @Test
    void everyKey_hashesToTheSlotOfItsTag_andAUsersKeysShareOneSlot() {
        for (int i = 0; i < 200; i++) {
            String user = "user-" + i + (i % 5 == 0 ? "{odd}" : "");
            CreatedSession s = redis.store()
                    .create(NewSession.builder()
                            .userId(user)
                            .index("tenant", "t{" + (i % 4) + "}")
                            .index("device", "d:" + (i % 3))
                            .build());
            redis.store().touch(redis.store().rotate(s.token()).token());
            redis.store().create(NewSession.builder().index("tenant", "t1").build());
        }
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(redis.probe().redis(), ScanArgs.Builder.limit(1000)).forEachRemaining(keys::add);

        assertThat(keys).hasSizeGreaterThan(600);
        for (String key : keys) {
            Matcher m = KEY.matcher(key);
            assertThat(m.matches()).as(key).isTrue();
            assertThat(SlotHash.getSlot(key)).as(key).isEqualTo(SlotHash.getSlot("{" + m.group(1) + "}"));
            if (m.group(2).startsWith("u:")) {
                for (String member : redis.probe().redis().zrange(key, 0, -1)) {
                    String user = redis.probe().redis().hget("ss:{" + m.group(1) + "}:" + member.substring(8), "u");
                    assertThat(user).as(member).isNotNull();
                    assertThat(SessionToken.tagFor(user)).isEqualTo(m.group(1));
                }
            }
        }
    }

    @Test
    void memoryPerSession_withAUserAndThreeAttributes() {
        int n = 10_000;
        long before = redis.probe().usedMemory();
        for (int i = 0; i < n; i++) {
            redis.store()
                    .create(NewSession.builder()
                            .userId("user-" + (i / 5))
                            .attribute("a1", JsonValue.of("x".repeat(18)))
                            .attribute("a2", JsonValue.of("y".repeat(18)))
                            .attribute("a3", JsonValue.of("z".repeat(18)))
                            .build());
        }
        long perSession = (redis.probe().usedMemory() - before) / n;
        System.out.printf("Redis memory per session (5 sessions per user): %d bytes%n", perSession);
        // guards against regressions; the benchmark (docs/benchmarks.md) is the real measurement
        assertThat(perSession).isLessThan(420);
        assertThat(redis.store().liveSessions()).isEqualTo(n);
    }
}
