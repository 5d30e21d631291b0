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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The layout in {@code docs/redis-layout.md} is what the store writes, read here with plain commands. */
class LayoutIT {
    private static final Pattern KEY = Pattern.compile("ss:\\{([0-9a-f]{2})}:(s|u|x):(.+)");

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
        String id = tag
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 22);
        String key = "ss:{" + tag + "}:s:" + id;
        Map<String, String> hash = redis.probe().redis().hgetall(key);

        assertThat(id).isEqualTo(s.session().id().value());
        assertThat(tag)
                .isEqualTo(HexFormat.of()
                        .toHexDigits(MessageDigest.getInstance("SHA-256")
                                .digest("hana".getBytes(StandardCharsets.UTF_8))[0]));
        long c = Long.parseLong(hash.get("c"));
        assertThat(hash)
                .containsEntry("u", "hana")
                .containsEntry("a", Long.toString(c))
                .containsEntry("i", "1800000")
                .containsEntry("d", Long.toString(c + 12 * 3600_000L))
                .containsEntry("v", "1")
                .containsEntry("x.tenant", "acme")
                .containsEntry("@theme", "\"dark\"")
                .hasSize(8);
        assertThat(c).isEqualTo(s.session().createdAt().toEpochMilli());
        assertThat(redis.probe().redis().objectEncoding(key)).isIn("listpack", "ziplist");
        long expiresAt = c + 1_800_000;
        assertThat(System.currentTimeMillis() + redis.probe().redis().pttl(key)).isBetween(expiresAt - 2000, expiresAt);
        long quantum = 1_800_000 / 16;
        long score = Math.min(Math.ceilDiv(expiresAt, quantum) * quantum, c + 12 * 3600_000L);
        assertThat(redis.probe().redis().zscore("ss:{" + tag + "}:u:hana", id)).isEqualTo((double) score);
        assertThat(redis.probe().redis().zscore("ss:{" + tag + "}:x:tenant:acme", id))
                .isEqualTo((double) score);
        long indexTtl = redis.probe().redis().pttl("ss:{" + tag + "}:u:hana");
        long sessionTtl = redis.probe().redis().pttl(key);
        assertThat(indexTtl).isBetween(sessionTtl, sessionTtl + quantum);
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
            if (m.group(2).equals("u")) {
                assertThat(m.group(1)).isEqualTo(SessionToken.tagFor(m.group(3)));
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
        assertThat(perSession).isLessThan(440);
        assertThat(redis.store().liveSessions()).isEqualTo(n);
    }
}
