package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Synchronous script calls on direct connections ({@link DirectConnections}): the same replies as the multiplexed
 * connection, the handshake, and what happens when Redis closes, restarts or stalls under them.
 */
class DirectConnectionsIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /** KEYS: any key. Replies nested arrays holding every kind of RESP2 reply. */
    record Mixed(String key, String text, boolean fail) implements ScriptCall<List<Object>> {
        static final LuaScript<List<Object>> SCRIPT = LuaScript.array("MIXED", """
                redis.call('SET', KEYS[1], ARGV[1])
                if ARGV[2] == 'fail' then return {1, {redis.error_reply('ERR nested')}, 2} end
                return {1, redis.call('GET', KEYS[1]), {-3, false, {'é', ''}}, redis.status_reply('FINE'),
                    string.rep('x', 70000)}""");

        @Override
        public LuaScript<List<Object>> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {key};
        }

        @Override
        public String[] args() {
            return new String[] {text, fail ? "fail" : "reply"};
        }
    }

    /** KEYS: any key. Replies nothing (nil), as an integer script. */
    record Nothing(String key) implements ScriptCall<Long> {
        @Override
        public LuaScript<Long> script() {
            return LuaScript.integer("NOTHING", "return nil");
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

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private RedisServerProcess redis(String... args) {
        RedisServerProcess redis = RedisServerProcess.startEphemeral(args);
        open.add(redis);
        return redis;
    }

    private RedisLink link(String uri) {
        RedisLink link = RedisLink.open(
                RedisClientSettings.of(RedisURI.create(uri), false, TIMEOUT), Optional.empty(), new TestExceptions());
        open.add(link);
        return link;
    }

    private static DirectConnections direct(RedisLink link) {
        return link.direct().orElseThrow();
    }

    @Test
    void replies_areTheMultiplexedConnectionsReplies() throws Exception {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        Mixed call = new Mixed("k", "ünïcode text", false);

        List<Object> direct = calls.run(call);
        assertThat(direct(link).open()).isEqualTo(1);
        List<Object> multiplexed = calls.send(call).get();

        assertThat(direct).isEqualTo(multiplexed);
        assertThat(direct.get(1)).isEqualTo("ünïcode text");
        assertThat(((List<?>) direct.get(2)).get(0)).isEqualTo(-3L);
        assertThat(((List<?>) direct.get(2)).get(1)).isNull();
        assertThat(direct.get(3)).isEqualTo("FINE");
        assertThat(((String) direct.get(4))).hasSize(70000);
        assertThat(calls.run(new Nothing("k"))).isNull();
        assertThat(calls.send(new Nothing("k")).get()).isNull();
    }

    @Test
    void virtualThreads_shareTheirOwnConnection_andBorrowNone() throws Exception {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(virtual.submit(() -> calls.run(new RedisCallsIT.Add("c", 1)))
                            .get())
                    .isEqualTo(1L);
        }
        assertThat(direct(link).open()).isZero();
        assertThat(direct(link).sharedOpen()).isTrue();
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(2L);
        assertThat(direct(link).open()).isEqualTo(1);
    }

    @Test
    void zeroDirectConnections_everyCallIsMultiplexed() {
        RedisURI uri = RedisURI.create(redis().uri());
        RedisClientSettings off = RedisClientSettings.of(uri, false, TIMEOUT).withDirectConnections(0);
        try (RedisLink link = RedisLink.open(off, Optional.empty(), new TestExceptions())) {
            assertThat(link.direct()).isEmpty();
            assertThat(new RedisCalls(link).run(new RedisCallsIT.Add("c", 1))).isEqualTo(1L);
        }
    }

    @Test
    void errorInsideAnArray_failsTheCall_asOnTheMultiplexedConnection() {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        Mixed call = new Mixed("k", "v", true);

        assertThatThrownBy(() -> calls.run(call))
                .isInstanceOf(TestExceptions.Rejected.class)
                .hasMessageContaining("ERR nested");
        assertThat(direct(link).open()).isEqualTo(1);
        assertThatThrownBy(() -> calls.send(call).get())
                .hasCauseInstanceOf(RedisCommandExecutionException.class)
                .hasMessageContaining("ERR nested");
        assertThat(calls.run(new Mixed("k", "after", false)).get(1)).isEqualTo("after");
    }

    @Test
    void errorReply_isRejected_andTheConnectionStaysInUse() {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(1L);
        assertThatThrownBy(() -> calls.run(new RedisCallsIT.Broken("k")))
                .isInstanceOf(TestExceptions.Rejected.class)
                .hasMessageContaining("Unknown Redis command");
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(2L);
        assertThat(direct(link).open()).isEqualTo(1);
    }

    @Test
    void credentialsAndDatabase_comeFromTheUri() {
        RedisServerProcess redis = redis();
        RedisLink admin = link(redis.uri());
        admin.sync()
                .aclSetuser(
                        "app",
                        AclSetuserArgs.Builder.on()
                                .addPassword("app-secret")
                                .allKeys()
                                .allCommands());
        RedisLink app = link("redis://app:app-secret@127.0.0.1:" + redis.port() + "/3?clientName=direct-test");

        assertThat(new RedisCalls(app).run(new RedisCallsIT.Add("in-three", 7))).isEqualTo(7L);

        assertThat(direct(app).open()).isEqualTo(1);
        assertThat(app.sync().get("in-three")).isEqualTo("7");
        assertThat(admin.sync().get("in-three")).isNull();
        assertThat(admin.sync().clientList()).contains(" db=3 ").contains(" user=app ");
        assertThat(admin.sync().clientList().lines().filter(l -> l.contains(" name=direct-test ")))
                .as("the multiplexed and the direct connection, both named")
                .hasSize(2);
    }

    @Test
    void passwordOnly_authenticatesTheDefaultUser() {
        RedisServerProcess redis = redis();
        RedisLink admin = link(redis.uri());
        admin.sync().configSet("requirepass", "secret");
        try {
            RedisLink app = link("redis://:secret@127.0.0.1:" + redis.port());
            assertThat(new RedisCalls(app).run(new RedisCallsIT.Add("c", 2))).isEqualTo(2L);
            assertThat(direct(app).open()).isEqualTo(1);
        } finally {
            admin.sync().configSet("requirepass", "");
        }
    }

    @Test
    void wrongPassword_fallsBackToTheMultiplexedConnection_whichReportsIt() {
        RedisServerProcess redis = redis();
        link(redis.uri())
                .sync()
                .aclSetuser(
                        "app", AclSetuserArgs.Builder.on().addPassword("right").allCommands());
        RedisLink link = link("redis://app:wrong@127.0.0.1:" + redis.port());
        assertThatThrownBy(() -> new RedisCalls(link).run(new RedisCallsIT.Add("c", 1)))
                .isInstanceOf(TestExceptions.Unavailable.class);
        assertThat(direct(link).open()).isZero();
    }

    @Test
    void connectionKilledWhileIdle_theCallIsSentAgain_andANewOneOpens() {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(1L);
        link.sync().get("c"); // the multiplexed connection's last command is a GET, the direct one's a script call

        String directId = link.sync()
                .clientList()
                .lines()
                .filter(l -> l.matches(".* cmd=(eval|evalsha|fcall) .*"))
                .map(l -> l.substring(3, l.indexOf(' ')))
                .collect(Collectors.joining());
        assertThat(link.sync().clientKill(KillArgs.Builder.id(Long.parseLong(directId))))
                .isEqualTo(1L);

        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(2L);
        assertThat(direct(link).open()).isZero();
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(3L);
        assertThat(direct(link).open()).isEqualTo(1);
    }

    @Test
    void redisRestarted_callsWorkAgain() {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(calls.run(new RedisCallsIT.Add("c", 5))).isEqualTo(5L);

        redis.stop();
        redis.start();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(1L));
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(2L);
        assertThat(direct(link).open()).isEqualTo(1);
    }

    @Test
    void stalledRedis_timesOut_asUnavailable_andTheConnectionIsReplaced() {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(1L);
        link.sync().configSet("lua-time-limit", "1500");
        RedisLink other = link(redis.uri());
        other.async().eval("while true do end", ScriptOutputType.INTEGER, "spin");
        await().atMost(Duration.ofSeconds(5)).until(() -> spinning(redis));

        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.run(new RedisCallsIT.Add("c", 1)))
                .isInstanceOf(TestExceptions.Unavailable.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
        assertThat(direct(link).open()).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> "+OK".equals(redis.sendQuietly("SCRIPT KILL")));
        // the timed-out call may or may not have run once Redis read it
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(calls.run(new RedisCallsIT.Add("c", 0))).isIn(1L, 2L));
        assertThat(direct(link).open()).isEqualTo(1);
    }

    /** Whether Redis is running a script: it does not answer at all before its busy threshold. */
    static boolean spinning(RedisServerProcess redis) {
        try (Socket probe = new Socket("127.0.0.1", redis.port())) {
            probe.setSoTimeout(100);
            probe.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            return probe.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void underLoad_callsGoByTheMultiplexedConnection_andAllArriveOnce() throws Exception {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        int threads = 16;
        int each = 500;
        AtomicInteger maxOpen = new AtomicInteger();
        AtomicLong last = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        last.accumulateAndGet(calls.run(new RedisCallsIT.Add("c", 1)), Math::max);
                        maxOpen.accumulateAndGet(direct(link).open(), Math::max);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(last.get()).isEqualTo((long) threads * each);
        assertThat(link.sync().get("c")).isEqualTo(Long.toString((long) threads * each));
        assertThat(maxOpen.get()).isBetween(1, DirectConnections.DEFAULT_MAX);
    }

    @Test
    void lightLoad_pollsForTheReply_untilACallFindsEveryConnectionBusy() {
        DirectConnections pool = direct(link(redis().uri()));
        long budget = RedisClientSettings.DEFAULT_SPIN_MICROS * 1000L;
        DirectConnection first = pool.enter();
        DirectConnection second = pool.enter();
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(first.spinNanos()).isEqualTo(budget);
        assertThat(pool.enter()).as("a third call in flight goes multiplexed").isNull();
        pool.exit(null);
        pool.exit(second);

        DirectConnection underLoad = pool.enter();
        assertThat(underLoad).isNotNull();
        assertThat(underLoad.spinNanos())
                .as("a call found every connection busy just now")
                .isZero();
        pool.exit(underLoad);
        pool.exit(first);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    DirectConnection quiet = pool.enter();
                    try {
                        return quiet != null && quiet.spinNanos() == budget;
                    } finally {
                        pool.exit(quiet);
                    }
                });
    }

    @Test
    void roundTripsLongerThanTheBudget_stopThePolling_andShortOnesResumeIt() {
        RedisServerProcess redis = redis();
        try (DirectConnection connection = DirectConnection.open(
                new InetSocketAddress("127.0.0.1", redis.port()), Optional.empty(), 0, null, TIMEOUT)) {
            connection.spin(50_000);
            assertThat(connection.spinNanos()).isEqualTo(50_000);
            // a 5 ms script: the average round trip (1/8 of the newest) goes above 50 microseconds
            connection.command(
                    bytes("EVAL"),
                    bytes("local s = redis.call('TIME') repeat local n = redis.call('TIME')"
                            + " until (n[1] - s[1]) * 1000000 + n[2] - s[2] >= 5000 return 1"),
                    bytes("0"));
            assertThat(connection.averageNanos()).isGreaterThan(50_000);
            connection.spin(50_000);
            assertThat(connection.spinNanos()).isZero();

            for (int i = 0; i < 100; i++) {
                assertThat(connection.command(bytes("PING"))).isEqualTo("PONG");
            }
            connection.spin(2_000_000);
            assertThat(connection.spinNanos()).isEqualTo(2_000_000);
        }
    }

    @Test
    void interruptedPlatformThread_stopsWaiting_asUnavailable_andTheConnectionIsReplaced() throws Exception {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(calls.run(new RedisCallsIT.Add("c", 1))).isEqualTo(1L);
        link.sync().configSet("lua-time-limit", "1500");
        link(redis.uri()).async().eval("while true do end", ScriptOutputType.INTEGER, "spin");
        await().atMost(Duration.ofSeconds(5)).until(() -> spinning(redis));

        assertAnInterruptStopsTheWait(Thread.ofPlatform(), calls);
        assertThat(direct(link).open())
                .as("the interrupted call's connection is closed")
                .isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> "+OK".equals(redis.sendQuietly("SCRIPT KILL")));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(calls.run(new RedisCallsIT.Add("d", 3))).isEqualTo(3L));
        assertThat(direct(link).open()).isEqualTo(1);
    }

    /**
     * Starts a call on a new thread of {@code kind} while Redis is busy, interrupts it 100 ms later, and checks that
     * it stopped waiting at once (well before the command timeout), failed as unavailable and kept its interrupt.
     */
    static void assertAnInterruptStopsTheWait(Thread.Builder kind, RedisCalls calls) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = kind.start(() -> {
            started.countDown();
            try {
                calls.run(new RedisCallsIT.Add("c", 1));
            } catch (RuntimeException e) {
                failure.set(e);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        started.await();
        Thread.sleep(100);
        caller.interrupt();
        caller.join(Duration.ofMillis(300));

        assertThat(caller.isAlive())
                .as("stopped waiting before the command timeout")
                .isFalse();
        assertThat(failure.get()).isInstanceOf(TestExceptions.Unavailable.class);
        assertThat(interrupted.get()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
