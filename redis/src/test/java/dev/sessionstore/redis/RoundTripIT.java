package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.testkit.RedisServerExtension;
import io.lettuce.core.FlushMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every web-path operation is one round trip: exactly one command reaches Redis ({@code FCALL} on Redis 7 and later,
 * {@code EVALSHA} before), as seen both by {@code MONITOR} (commands clients sent) and by {@code INFO commandstats}
 * deltas.
 */
class RoundTripIT {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static RedisProbe probe;
    private static MonitorTap monitor;
    /** The command a store operation sends: {@code fcall} where Redis has functions, else {@code evalsha}. */
    private static String scriptCommand;

    private RedisSessionStore store;

    @BeforeAll
    static void startRedis() {
        probe = new RedisProbe(redis.uri());
        monitor = new MonitorTap(redis.port());
        scriptCommand = probe.majorVersion() >= 7 ? "fcall" : "evalsha";
    }

    @AfterAll
    static void stopRedis() {
        monitor.close();
        probe.close();
    }

    @BeforeEach
    void newStore() {
        store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .commandTimeout(Duration.ofSeconds(2))
                .policy(SessionPolicy.defaults())
                .build();
        warmUp();
    }

    /** Runs every operation once, so the connection is open and every script is cached by Redis. */
    private void warmUp() {
        CreatedSession s = newSession("warm-up");
        store.touch(s.token());
        store.update(
                s.token(), SessionUpdate.builder().set("a", JsonValue.of(1)).build());
        store.revoke(store.rotate(s.token()).token());
        store.listByUser("warm-up");
        store.listByIndex("tenant", "warm-up");
        store.revokeByUser("warm-up", Optional.empty());
    }

    private CreatedSession newSession(String user) {
        return store.create(NewSession.builder()
                .userId(user)
                .attribute("name", JsonValue.of("Ada Lovelace"))
                .index("tenant", "acme")
                .index("device", "phone")
                .build());
    }

    @Test
    void everyWebPathOperation_isOneScriptCall() {
        CreatedSession a = assertOneRoundTrip("create", () -> newSession("alice"));
        CreatedSession b = newSession("alice");
        assertOneRoundTrip("touch", () -> store.touch(a.token()));
        assertOneRoundTrip("peek", () -> store.peek(a.token()));
        assertOneRoundTrip(
                "update",
                () -> store.update(
                        a.token(),
                        SessionUpdate.builder()
                                .set("cart", JsonValue.parse("[1,2]"))
                                .remove("name")
                                .expectVersion(1)
                                .build()));
        CreatedSession rotated = assertOneRoundTrip("rotate", () -> store.rotate(a.token()));
        assertOneRoundTrip("listByUser", () -> store.listByUser("alice"));
        assertOneRoundTrip("revoke by token", () -> store.revoke(rotated.token()));
        assertOneRoundTrip("revoke by id", () -> store.revoke(b.session().id()));
        newSession("alice");
        assertOneRoundTrip("revokeByUser", () -> store.revokeByUser("alice", Optional.empty()));
        assertOneRoundTrip("touch of a revoked session", () -> store.touch(a.token()));
    }

    @Test
    void afterScriptAndFunctionFlush_operationsStillWork_andAreOneRoundTripAgain() {
        CreatedSession a = newSession("bob");
        probe.redis().scriptFlush();
        boolean functions = scriptCommand.equals("fcall");
        if (functions) {
            probe.redis().functionFlush(FlushMode.SYNC);
        }
        monitor.commandsSince();

        assertThat(store.touch(a.token())).isPresent();
        assertThat(monitor.commandsSince())
                .as("function not found, FUNCTION LOAD, FCALL again; or NOSCRIPT, then EVAL")
                .containsExactlyElementsOf(
                        functions ? List.of("fcall", "function", "fcall") : List.of("evalsha", "eval"));
        assertOneRoundTrip("touch after reload", () -> store.touch(a.token()));
    }

    @Test
    void listByIndex_isOneScriptCallPerShardTag() {
        newSession("carol");
        monitor.commandsSince();
        assertThat(store.listByIndex("tenant", "acme")).hasSize(1);
        assertThat(monitor.commandsSince()).hasSize(256).containsOnly(scriptCommand);
    }

    private <T> T assertOneRoundTrip(String operation, java.util.function.Supplier<T> action) {
        Map<String, Long> before = probe.commandCalls();
        monitor.commandsSince();
        T result = action.get();
        List<String> sent = monitor.commandsSince();
        Map<String, Long> after = probe.commandCalls();
        assertThat(sent).as(operation + ": commands sent by clients").containsExactly(scriptCommand);
        assertThat(delta(before, after, scriptCommand))
                .as(operation + ": " + scriptCommand + " calls")
                .isEqualTo(1);
        for (String other : List.of("evalsha", "eval", "fcall", "function|load")) {
            if (!other.equals(scriptCommand)) {
                assertThat(delta(before, after, other))
                        .as(operation + ": " + other + " calls")
                        .isZero();
            }
        }
        return result;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
        Map<String, Long> b = new HashMap<>(before);
        return after.getOrDefault(command, 0L) - b.getOrDefault(command, 0L);
    }
}
