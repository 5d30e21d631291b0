package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.JsonValue;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.testkit.RedisServerExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed input is rejected before any command is sent to Redis. */
class ValidationIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static RedisProbe probe;
    private static RedisSessionStore store;

    @BeforeAll
    static void start() {
        probe = new RedisProbe(redis.uri());
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .policy(SessionPolicy.defaults()
                        .withLimits(SessionLimits.defaults().withMaxAttributes(2)))
                .build();
        store.peek(SessionToken.generateAnonymous());
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        store.close();
        probe.close();
    }

    @Test
    void malformedTokensAndIds_neverReachRedis() {
        Map<String, Long> before = probe.commandCalls();
        String good = SessionToken.generate("eve").reveal();
        String[] bad = {
            "",
            "sst_",
            good.substring(1),
            good + "A",
            good.replace("sst_", "sso_"),
            "sst_ZZ" + good.substring(6),
            good.substring(0, 20) + "*" + good.substring(21),
            good.substring(0, 48) + "B",
            good.toUpperCase(java.util.Locale.ROOT),
            "sst_00" + "A".repeat(42) + "é"
        };
        for (String text : bad) {
            Optional<SessionToken> parsed = SessionToken.tryParse(text);
            assertThat(parsed).as(text).isEmpty();
            parsed.ifPresent(store::touch);
        }
        assertThat(SessionId.tryParse("zz" + "A".repeat(22))).isEmpty();
        assertThat(probe.commandCalls()).isEqualTo(before);
    }

    @Test
    void invalidArguments_failInJava_withoutAnyCommand() {
        Map<String, Long> before = probe.commandCalls();
        SessionToken token = SessionToken.generateAnonymous();

        assertThatThrownBy(() -> store.create(
                        NewSession.builder().idleTimeout(Duration.ofMillis(10)).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(NewSession.builder()
                        .attribute("a", JsonValue.of(1))
                        .attribute("b", JsonValue.of(2))
                        .attribute("c", JsonValue.of(3))
                        .build()))
                .isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() ->
                        store.create(NewSession.builder().index("bad name", "v").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.update(
                        token,
                        SessionUpdate.builder().set("\u0001", JsonValue.NULL).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listByUser("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.revokeByUser("", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listByIndex("a:b", "v")).isInstanceOf(IllegalArgumentException.class);

        assertThat(probe.commandCalls()).isEqualTo(before);
    }

    @Test
    void builder_rejectsBadSettings_namingThem() {
        assertThatThrownBy(() -> RedisSessionStore.builder().build()).hasMessageContaining("redisUri");
        assertThatThrownBy(() -> RedisSessionStore.builder()
                        .redisUri("redis://:secret@127.0.0.1:1/0?bogus=")
                        .keyPrefix("a{b}")
                        .build())
                .hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> RedisSessionStore.builder()
                        .redisUri("redis://127.0.0.1:1")
                        .commandTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> RedisSessionStore.builder()
                        .redisUri("redis://127.0.0.1:1")
                        .directConnections(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directConnections");
        assertThatThrownBy(() -> RedisSessionStore.builder()
                        .redisUri("nonsense://secret@host")
                        .build())
                .hasMessageContaining("redisUri")
                .hasMessageNotContaining("secret");
    }
}
