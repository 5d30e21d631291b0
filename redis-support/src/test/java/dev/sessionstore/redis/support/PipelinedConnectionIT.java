package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.embedded.RedisServerProcess;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Synchronous script calls from virtual threads, which share one {@link PipelinedConnection}: the same replies as
 * the multiplexed connection, each reply to its own call under concurrency, and what happens when Redis stalls,
 * closes or restarts under them.
 */
class PipelinedConnectionIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private RedisServerProcess redis() {
        RedisServerProcess redis = RedisServerProcess.startEphemeral();
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

    /** Runs {@code task} on a virtual thread and returns its result (or throws what it threw, unwrapped). */
    private static <T> T virtual(Callable<T> task) throws Exception {
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<T> result = virtual.submit(task);
            try {
                return result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    /** Client ids of the connections whose last command was a script call (the pipelined one, here). */
    private static List<String> scriptClients(RedisLink link) {
        return link.sync()
                .clientList()
                .lines()
                .filter(l -> l.matches(".* cmd=(eval|evalsha|fcall) .*"))
                .map(l -> l.substring(3, l.indexOf(' ')))
                .toList();
    }

    @Test
    void replies_areTheMultiplexedConnectionsReplies_andNoConnectionIsLent() throws Exception {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        DirectConnectionsIT.Mixed call = new DirectConnectionsIT.Mixed("k", "ünïcode text", false);

        List<Object> pipelined = virtual(() -> calls.run(call));
        List<Object> multiplexed = calls.send(call).get();

        assertThat(pipelined).isEqualTo(multiplexed);
        assertThat(((String) pipelined.get(4))).hasSize(70000);
        assertThat(virtual(() -> calls.run(new DirectConnectionsIT.Nothing("k"))))
                .isNull();
        assertThat(direct(link).sharedOpen()).isTrue();
        assertThat(direct(link).open()).as("no platform-thread connection lent").isZero();
    }

    @Test
    void manyVirtualThreads_shareOneConnection_andEachGetsItsOwnReply() throws Exception {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        int threads = 200;
        int each = 50;
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String counter = "c" + t;
                done.add(virtual.submit(() -> {
                    for (int i = 1; i <= each; i++) {
                        // each thread's own counter: a reply given to the wrong call shows as a wrong count
                        assertThat(calls.run(new RedisCallsIT.Add(counter, 1))).isEqualTo(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        for (int t = 0; t < threads; t++) {
            assertThat(link.sync().get("c" + t)).isEqualTo(Integer.toString(each));
        }
        assertThat(scriptClients(link)).as("one connection carried every call").hasSize(1);
        assertThat(direct(link).open()).isZero();
    }

    @Test
    void errorReplies_failTheirCall_andTheConnectionStaysInStep() throws Exception {
        RedisLink link = link(redis().uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(1L);

        assertThatThrownBy(() -> virtual(() -> calls.run(new RedisCallsIT.Broken("k"))))
                .isInstanceOf(TestExceptions.Rejected.class)
                .hasMessageContaining("Unknown Redis command");
        assertThatThrownBy(() -> virtual(() -> calls.run(new DirectConnectionsIT.Mixed("k", "v", true))))
                .isInstanceOf(TestExceptions.Rejected.class)
                .hasMessageContaining("ERR nested");

        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(2L);
        assertThat(scriptClients(link)).hasSize(1);
    }

    @Test
    void credentialsDatabaseAndName_comeFromTheUri() throws Exception {
        RedisServerProcess redis = redis();
        RedisLink admin = link(redis.uri());
        admin.sync()
                .aclSetuser(
                        "app",
                        AclSetuserArgs.Builder.on()
                                .addPassword("app-secret")
                                .allKeys()
                                .allCommands());
        RedisLink app = link("redis://app:app-secret@127.0.0.1:" + redis.port() + "/3?clientName=pipelined-test");

        assertThat(virtual(() -> new RedisCalls(app).run(new RedisCallsIT.Add("in-three", 7))))
                .isEqualTo(7L);

        assertThat(direct(app).sharedOpen()).isTrue();
        assertThat(app.sync().get("in-three")).isEqualTo("7");
        assertThat(admin.sync().get("in-three")).isNull();
        assertThat(admin.sync().clientList().lines().filter(l -> l.contains(" name=pipelined-test ")))
                .as("the multiplexed and the pipelined connection, both named, both on db 3")
                .hasSize(2)
                .allMatch(l -> l.contains(" db=3 ") && l.contains(" user=app "));
    }

    @Test
    void wrongPassword_fallsBackToTheMultiplexedConnection_whichReportsIt() {
        RedisServerProcess redis = redis();
        link(redis.uri())
                .sync()
                .aclSetuser(
                        "app", AclSetuserArgs.Builder.on().addPassword("right").allCommands());
        RedisLink link = link("redis://app:wrong@127.0.0.1:" + redis.port());
        assertThatThrownBy(() -> virtual(() -> new RedisCalls(link).run(new RedisCallsIT.Add("c", 1))))
                .isInstanceOf(TestExceptions.Unavailable.class);
        assertThat(direct(link).sharedOpen()).isFalse();
    }

    @Test
    void stalledRedis_timesOut_asUnavailable_andTheLateReplyIsDropped() throws Exception {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(1L);
        String pipelined = scriptClients(link).getFirst();
        link.sync().configSet("lua-time-limit", "1500");
        RedisLink other = link(redis.uri());
        other.async().eval("while true do end", ScriptOutputType.INTEGER, "spin");
        await().atMost(Duration.ofSeconds(5)).until(() -> DirectConnectionsIT.spinning(redis));

        long started = System.nanoTime();
        assertThatThrownBy(() -> virtual(() -> calls.run(new RedisCallsIT.Add("c", 1))))
                .isInstanceOf(TestExceptions.Unavailable.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));

        await().atMost(Duration.ofSeconds(10)).until(() -> "+OK".equals(redis.sendQuietly("SCRIPT KILL")));
        // the timed-out call's reply (BUSY, or its result if Redis ran it after the kill) is dropped when it comes,
        // and the next call gets its own
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("d", 10))))
                        .isEqualTo(10L));
        assertThat(link.sync().get("c")).isIn("1", "2");
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("d", 1)))).isEqualTo(11L);
        assertThat(scriptClients(link)).as("the same connection, still in step").contains(pipelined);
    }

    @Test
    void connectionKilled_callsInFlightAreSentAgain_andANewConnectionOpens() throws Exception {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(1L);
        link.sync().get("c"); // the multiplexed connection's last command is a GET, the pipelined one's a script
        String first = scriptClients(link).getFirst();

        assertThat(link.sync().clientKill(KillArgs.Builder.id(Long.parseLong(first))))
                .isEqualTo(1L);

        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(2L);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 0))))
                        .isEqualTo(2L));
        link.sync().get("c");
        assertThat(scriptClients(link)).hasSize(1).doesNotContain(first);
    }

    @Test
    void redisRestarted_callsWorkAgain() throws Exception {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 5)))).isEqualTo(5L);

        redis.stop();
        redis.start();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1))))
                        .isEqualTo(1L));
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(2L);
        assertThat(direct(link).sharedOpen()).isTrue();
    }

    @Test
    void interruptedCaller_stopsWaiting_asUnavailable_andKeepsItsInterrupt() throws Exception {
        RedisServerProcess redis = redis();
        RedisLink link = link(redis.uri());
        RedisCalls calls = new RedisCalls(link);
        assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("c", 1)))).isEqualTo(1L);
        link.sync().configSet("lua-time-limit", "1500");
        link(redis.uri()).async().eval("while true do end", ScriptOutputType.INTEGER, "spin");
        await().atMost(Duration.ofSeconds(5)).until(() -> DirectConnectionsIT.spinning(redis));

        DirectConnectionsIT.assertAnInterruptStopsTheWait(Thread.ofVirtual(), calls);
        await().atMost(Duration.ofSeconds(10)).until(() -> "+OK".equals(redis.sendQuietly("SCRIPT KILL")));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(virtual(() -> calls.run(new RedisCallsIT.Add("d", 3))))
                        .isEqualTo(3L));
    }
}
