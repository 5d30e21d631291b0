package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.server.webhooks.WebhookConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service on a Redis ACL user that may run only the commands docs/server.md lists, on the service's keys and
 * channels only: every API operation, the pages, health, metrics and the jobs work, and Redis denies nothing (ACL LOG
 * stays empty), with the webhook on, so the event outbox, its consumer group and the expiry job run too. The list is
 * what {@code INFO commandstats} showed the service running (plus the commands its scripts run on other paths);
 * without its script commands the same user cannot create a session. On Redis 7 the list has {@code +fcall
 * +function|load} too (the store's function library); without them the service works through {@code EVALSHA}.
 */
class AclUserIT {
    /** The commands the service runs, directly or from its Lua scripts (docs/server.md, "A least-privilege ACL user"). */
    static final String ACL_RULES = "~ss:* ~ssrv:* ~coord:*"
            + " +eval +evalsha +time +get +set +del +rename +incr +incrby"
            + " +hget +hset +hdel +hmget +hgetall +hincrby +pexpire +pexpireat +pttl"
            + " +zadd +zrem +zrange +zcard +zscan +zremrangebyscore +zrangebyscore +zcount"
            + " +lpush +ltrim +lrange +scan +ping +info +hello +config|get +memory|usage"
            // the event outbox (with --webhook-url): the scripts' XADD, the webhook's consumer group
            + " +xadd +xgroup|create +xreadgroup +xack +xautoclaim +xinfo|groups";

    /** Added on Redis 7 and later (6.2 does not know them): the store's scripts as a function library. */
    static final String FUNCTION_RULES = " +fcall +function|load";

    private RedisServerProcess redis;
    private RedisClient adminClient;
    private StatefulRedisConnection<String, String> adminConnection;
    private TestServer server;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startRedis() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            events.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        redis = RedisServerProcess.startEphemeral();
        adminClient = RedisClient.create(redis.uri());
        adminConnection = adminClient.connect();
    }

    /** The user {@code sessionstore} with exactly {@code aclRules}, and the service on it. */
    private void startService(String aclRules) {
        List<String> rules =
                new ArrayList<>(List.of("on", ">acl-user-test-password", "resetkeys", "resetchannels", "-@all"));
        rules.addAll(List.of(aclRules.split("\\s+")));
        RedisCommands<String, String> admin = adminConnection.sync();
        String reply = admin.dispatch(
                CommandType.ACL,
                new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8)
                        .add("SETUSER")
                        .add("sessionstore")
                        .addValues(rules));
        assertThat(reply).isEqualTo("OK");
        admin.aclLogReset();
        WebhookConfig webhook = WebhookConfig.of(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
        server = TestServer.start(TestServer.config(
                ServerConfig.StoreKind.REDIS,
                Optional.of("redis://sessionstore:acl-user-test-password@127.0.0.1:" + redis.port()),
                Optional.of(webhook)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        receiver.stop(0);
        adminConnection.close();
        adminClient.shutdown();
        redis.close();
    }

    private String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    @Test
    void everyOperationWorks_andRedisDeniesNothing() {
        startService(ACL_RULES + (hasFunctions() ? FUNCTION_RULES : ""));
        everyOperation();

        // Lettuce's handshake sends CLIENT SETINFO (Redis 7.2+) and ignores its refusal: Redis 6.2 logs it as denied
        assertThat(adminConnection.sync().aclLog())
                .as("ACL LOG")
                .allSatisfy(entry -> assertThat(entry.get("object")).isEqualTo("client"));
    }

    @Test
    void onRedis7_withoutTheFunctionCommands_everyOperationWorksThroughEvalsha() {
        assumeTrue(hasFunctions(), "Redis functions need Redis 7; the test above covers this Redis");
        startService(ACL_RULES);
        everyOperation();

        // each of the service's Redis links tries FCALL once, is refused and stays on EVALSHA
        assertThat(adminConnection.sync().aclLog())
                .as("ACL LOG")
                .allSatisfy(entry -> assertThat(entry.get("object")).isIn("client", "fcall"));
        assertThat(adminConnection.sync().info("commandstats")).contains("cmdstat_evalsha:");
    }

    private boolean hasFunctions() {
        return !adminConnection.sync().info("server").contains("redis_version:6.");
    }

    /** Every API operation, the pages, health, metrics, the jobs and the webhook. */
    private void everyOperation() {
        String created = ok(server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(
                        "{\"userId\":\"ada\",\"attributes\":{\"cart\":[]},\"indexes\":{\"tenant\":\"acme\"}}"))
                .build()));
        String token = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        ok(server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"userId\":\"ada\"}"))
                .build()));
        ok(server.send(
                server.api("/v1/session").header("Session-Token", token).GET().build()));
        ok(server.send(server.api("/v1/session")
                .header("Session-Token", token)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"attributes\":{\"cart\":[1]}}"))
                .build()));
        String rotated = ok(server.send(server.api("/v1/session/rotate")
                .header("Session-Token", token)
                .POST(BodyPublishers.noBody())
                .build()));
        String token2 = rotated.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        ok(server.send(server.api("/v1/users/ada/sessions").GET().build()));
        ok(server.send(server.api("/v1/indexes/tenant/acme/sessions").GET().build()));
        ok(server.send(server.api("/v1/session")
                .header("Session-Token", token2)
                .DELETE()
                .build()));
        ok(server.send(server.api("/v1/users/ada/sessions").DELETE().build()));
        ok(server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"idleTimeoutSeconds\":1}"))
                .build()));
        ok(server.send(server.api("/health/ready").GET().build()));
        ok(server.send(server.api("/metrics").GET().build()));
        // the jobs run every second in tests: statistics, expiry upkeep, breaker reports
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(ok(
                                server.send(server.api("/admin?user=ada").GET().build())))
                        .contains("ada"));
        // the outbox: every change's event, and the one-second session's expired event, reached the webhook
        await().atMost(Duration.ofSeconds(15))
                .until(() -> events.stream().anyMatch(e -> e.contains("\"type\":\"expired\""))
                        && events.stream().anyMatch(e -> e.contains("\"type\":\"rotated\"")));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }

    @Test
    void withoutTheStoresScriptCommand_creatingASessionIsDenied() {
        startService(ACL_RULES.replace(" +evalsha", "").replace(" +eval", ""));
        HttpResponse<String> created = server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"userId\":\"ada\"}"))
                .build());
        assertThat(created.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(adminConnection.sync().aclLog()).isNotEmpty();
    }
}
