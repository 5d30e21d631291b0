package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.FlushMode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On Redis 7 and later the store runs its scripts as functions of its library ({@code FCALL}), loading the library
 * itself when Redis lacks it; on Redis 6.2, or for an ACL user without {@code fcall} and {@code function|load}, it
 * runs them with {@code EVALSHA}. Runs on the PATH's Redis by default; {@code -Dsessionstore.redis=bundled} runs it on
 * the bundled Redis 6.2, where the Redis 7 tests are skipped.
 */
class FunctionsIT {
    private static final String NO_FUNCTIONS = "Redis functions need Redis 7; this Redis is older";

    private RedisServerProcess redis;
    private RedisProbe probe;
    private final List<RedisSessionStore> stores = new ArrayList<>();

    @BeforeEach
    void startRedis() {
        redis = RedisServerProcess.startEphemeral();
        probe = new RedisProbe(redis.uri());
    }

    @AfterEach
    void stop() {
        stores.forEach(RedisSessionStore::close);
        probe.close();
        redis.close();
    }

    @Test
    void onRedis7_storeOperationsAreFcallsOfTheStoresLibrary_whichTheStoreLoads() {
        assumeTrue(probe.majorVersion() >= 7, NO_FUNCTIONS);
        RedisSessionStore store = store(redis.uri());
        assertThat(libraries()).isEmpty();

        exercise(store);

        assertThat(libraries()).containsExactly(Script.library().name());
        Map<String, Long> calls = probe.commandCalls();
        assertThat(calls.getOrDefault("fcall", 0L)).as("fcall calls").isGreaterThanOrEqualTo(6);
        assertThat(calls).doesNotContainKeys("evalsha", "eval");
    }

    @Test
    void onRedis7_afterFunctionFlush_theStoreReloadsItsLibrary_andKeepsWorking() {
        assumeTrue(probe.majorVersion() >= 7, NO_FUNCTIONS);
        RedisSessionStore store = store(redis.uri());
        CreatedSession session = newSession(store, "ada");
        probe.redis().functionFlush(FlushMode.SYNC);
        assertThat(libraries()).isEmpty();

        assertThat(store.touch(session.token())).isPresent();
        exercise(store);

        assertThat(libraries()).containsExactly(Script.library().name());
        assertThat(probe.commandCalls()).doesNotContainKeys("evalsha", "eval");
    }

    @Test
    void onRedis7_anAclUserWithoutFcall_orWithoutFunctionLoad_isServedThroughEvalsha() {
        assumeTrue(probe.majorVersion() >= 7, NO_FUNCTIONS);
        // the function commands tried before EVALSHA for good: a refused FCALL; or an FCALL of a missing function
        // and a refused FUNCTION LOAD
        for (var rulesAndTries :
                Map.of("+@all -fcall -function", 1L, "+@all -function|load", 2L).entrySet()) {
            String rules = rulesAndTries.getKey();
            probe.redis().configResetstat();
            probe.redis().functionFlush(FlushMode.SYNC);
            RedisSessionStore store = store(userUri(rules));

            exercise(store);
            exercise(store);

            assertThat(libraries()).as(rules).isEmpty();
            Map<String, Long> calls = probe.commandCalls();
            assertThat(calls.getOrDefault("evalsha", 0L))
                    .as(rules + ": evalsha")
                    .isGreaterThanOrEqualTo(12);
            assertThat(rejectedCalls("fcall") + rejectedCalls("function|load") + calls.getOrDefault("fcall", 0L))
                    .as(rules + ": function commands tried (then EVALSHA for good)")
                    .isEqualTo(rulesAndTries.getValue());
        }
    }

    @Test
    void onRedis7_overMaxmemory_callsThatWriteNothing_stillWork_throughEvalsha() {
        assumeTrue(probe.majorVersion() >= 7, NO_FUNCTIONS);
        RedisSessionStore store = store(redis.uri());
        CreatedSession session = newSession(store, "ada");
        probe.redis().configSet("maxmemory", "1");
        try {
            // Redis refuses FCALL of a function without flags when over maxmemory, EVALSHA only at a write
            assertThat(store.peek(session.token())).isPresent();
            assertThat(store.listByUser("ada")).hasSize(1);
        } finally {
            probe.redis().configSet("maxmemory", "0");
        }
        assertThat(probe.commandCalls().getOrDefault("evalsha", 0L)).isEqualTo(2);
    }

    @Test
    void onRedis6_theStoreWorksThroughEvalsha() {
        assumeTrue(probe.majorVersion() < 7, "this Redis has functions: the Redis 7 tests above cover it");
        RedisSessionStore store = store(redis.uri());

        exercise(store);
        exercise(store);

        Map<String, Long> calls = probe.commandCalls();
        assertThat(calls.getOrDefault("evalsha", 0L)).isGreaterThanOrEqualTo(12);
        assertThat(calls).doesNotContainKeys("fcall", "function");
    }

    @Test
    void anAclUserWithScriptCommandsOnly_isServedThroughEvalsha_onEveryRedis() {
        RedisSessionStore store = store(userUri("+@all" + (probe.majorVersion() >= 7 ? " -fcall -function" : "")));

        exercise(store);

        assertThat(probe.commandCalls().getOrDefault("evalsha", 0L)).isGreaterThanOrEqualTo(6);
    }

    /** Creates, touches, updates, rotates, lists and revokes, checking each reply. */
    private static void exercise(RedisSessionStore store) {
        CreatedSession session = newSession(store, "grace");
        assertThat(store.touch(session.token())).isPresent();
        store.update(
                session.token(),
                SessionUpdate.builder().set("cart", JsonValue.of(2)).build());
        CreatedSession rotated = store.rotate(session.token());
        assertThat(store.touch(session.token())).isEmpty();
        assertThat(store.listByUser("grace")).hasSize(1);
        assertThat(store.revoke(rotated.token())).isPresent();
    }

    private static CreatedSession newSession(RedisSessionStore store, String user) {
        return store.create(NewSession.builder()
                .userId(user)
                .attribute("cart", JsonValue.of(1))
                .build());
    }

    private RedisSessionStore store(String uri) {
        RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(uri)
                .commandTimeout(Duration.ofSeconds(2))
                .policy(SessionPolicy.defaults())
                .build();
        stores.add(store);
        return store;
    }

    /** A URI for the user {@code limited} with {@code rules} on every key. */
    private String userUri(String rules) {
        List<String> all = new ArrayList<>(List.of("reset", "on", ">limited-password", "~*", "&*"));
        all.addAll(List.of(rules.split(" ")));
        String reply = probe.redis()
                .dispatch(
                        CommandType.ACL,
                        new StatusOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8)
                                .add("SETUSER")
                                .add("limited")
                                .addValues(all));
        assertThat(reply).isEqualTo("OK");
        return "redis://limited:limited-password@127.0.0.1:" + redis.port();
    }

    private List<Object> libraries() {
        return probe.redis().functionList().stream()
                .map(library -> library.get("library_name"))
                .toList();
    }

    private long rejectedCalls(String command) {
        for (String line : probe.redis().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.replaceAll(".*rejected_calls=(\\d+).*", "$1"));
            }
        }
        return 0;
    }
}
