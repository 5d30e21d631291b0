package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Script calls, plain commands and failures on a private standalone redis-server. */
class RedisCallsIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /** KEYS: a counter. ARGV: the increment. Replies the new value. */
    record Add(String counter, long by) implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("ADD", "return redis.call('INCRBY', KEYS[1], ARGV[1])");

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {counter};
        }

        @Override
        public String[] args() {
            return new String[] {Long.toString(by)};
        }
    }

    /** A script Redis refuses to run. */
    record Broken(String key) implements ScriptCall<List<Object>> {
        @Override
        public LuaScript<List<Object>> script() {
            return LuaScript.array("BROKEN", "return redis.call('NOSUCHCOMMAND', KEYS[1])");
        }

        @Override
        public String[] keys() {
            return new String[] {key};
        }

        @Override
        public String[] args() {
            return new String[0];
        }
    }

    private RedisServerProcess redis;
    private RedisLink link;
    private RedisCalls calls;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
        link = RedisLink.open(settings(redis.uri()), Optional.empty(), new TestExceptions());
        calls = new RedisCalls(link);
    }

    @AfterEach
    void stop() {
        redis.sendQuietly("SCRIPT KILL");
        link.close();
        redis.close();
    }

    private static RedisClientSettings settings(String uri) {
        return RedisClientSettings.of(RedisURI.create(uri), false, TIMEOUT);
    }

    @Test
    void script_runsBySha_andIsLoadedAgainAfterScriptFlush() {
        assertThat(calls.run(new Add("c", 2))).isEqualTo(2L);
        assertThat(link.sync().scriptExists(Add.SCRIPT.sha())).containsExactly(true);

        link.sync().scriptFlush();
        assertThat(link.sync().scriptExists(Add.SCRIPT.sha())).containsExactly(false);

        assertThat(calls.run(new Add("c", 3))).isEqualTo(5L);
        assertThat(link.sync().scriptExists(Add.SCRIPT.sha())).containsExactly(true);
        assertThat(calls.<String>call(c -> c.get("c"))).isEqualTo("5");
    }

    @Test
    void scriptError_isRejected_notUnavailable() {
        assertThatThrownBy(() -> calls.run(new Broken("k")))
                .isInstanceOf(TestExceptions.Rejected.class)
                .hasMessageContaining("Unknown Redis command");
    }

    @Test
    void busyServer_isUnavailable_forScriptsAndCommands() {
        link.sync().configSet("lua-time-limit", "10");
        try (RedisLink other = RedisLink.open(settings(redis.uri()), Optional.empty(), new TestExceptions())) {
            other.async().eval("while true do end", ScriptOutputType.INTEGER, "spin");
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThatThrownBy(() -> calls.run(new Add("c", 1)))
                            .isInstanceOf(TestExceptions.Unavailable.class)
                            .hasMessageContaining("BUSY"));
            assertThatThrownBy(() -> calls.call(c -> c.get("c")))
                    .isInstanceOf(TestExceptions.Unavailable.class)
                    .hasMessageContaining("BUSY");
            assertThat(redis.sendQuietly("SCRIPT KILL")).isEqualTo("+OK");
        }
        assertThat(calls.run(new Add("c", 1))).isEqualTo(1L);
    }

    @Test
    void nothingListening_isUnavailable_namingTheAddress() {
        int port = RedisServerProcess.freePort();
        try (RedisLink down =
                RedisLink.open(settings("redis://127.0.0.1:" + port), Optional.empty(), new TestExceptions())) {
            assertThatThrownBy(down::connect)
                    .isInstanceOf(TestExceptions.Unavailable.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void sharedResources_outliveEveryLinkBuiltOnThem() {
        ClientResources shared = RedisClients.newResources();
        try {
            RedisLink a = RedisLink.open(settings(redis.uri()), Optional.of(shared), new TestExceptions());
            RedisLink b = RedisLink.open(settings(redis.uri()), Optional.of(shared), new TestExceptions());
            assertThat(new RedisCalls(a).run(new Add("s", 1))).isEqualTo(1L);
            assertThat(new RedisCalls(b).run(new Add("s", 1))).isEqualTo(2L);
            a.close();
            assertThat(new RedisCalls(b).run(new Add("s", 1))).isEqualTo(3L);
            b.close();
            assertThat(shared.eventExecutorGroup().isShuttingDown()).isFalse();
        } finally {
            shared.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
