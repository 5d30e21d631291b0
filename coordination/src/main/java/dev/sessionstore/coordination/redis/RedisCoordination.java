package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.coordination.Names;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.coordination.internal.CoordinationInstance;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Coordination through one Redis server: every instance built against the same server and key prefix
 * shares locks, slot claims, run histories and breaker states. Each built instance opens its own
 * connection and closes it (and its client) on {@link Coordination#close()}. {@link Builder#build()}
 * throws {@link CoordinationUnavailableException} if Redis cannot be reached then.
 *
 * <pre>{@code
 * Coordination c = RedisCoordination.builder("redis://127.0.0.1:6379").instanceId("app-1").build();
 * }</pre>
 */
public final class RedisCoordination {
    private RedisCoordination() {}

    public static Builder builder(String redisUri) {
        return new Builder(RedisURI.create(Objects.requireNonNull(redisUri, "redisUri")));
    }

    /** Settings for one instance. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final RedisURI uri;
        private String instanceId = "instance-" + UUID.randomUUID().toString().substring(0, 8);
        private Clock clock = Clock.systemUTC();
        private SchedulerOptions schedulerOptions = SchedulerOptions.defaults();
        private String keyPrefix = "coord";
        private Duration commandTimeout = Duration.ofSeconds(1);
        private boolean cluster;

        private Builder(RedisURI uri) {
            this.uri = uri;
        }

        public Builder instanceId(String id) {
            this.instanceId = Names.check("instanceId", id);
            return this;
        }

        /** The clock of this instance: its schedule, lease bookkeeping and breaker windows. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder schedulerOptions(SchedulerOptions o) {
            this.schedulerOptions = Objects.requireNonNull(o, "schedulerOptions");
            return this;
        }

        /** Prefix of every key (default {@code coord}). */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Names.check("keyPrefix", prefix);
            return this;
        }

        /** How long a Redis command may take before the backend counts as unreachable (default 1 s). */
        public Builder commandTimeout(Duration d) {
            Objects.requireNonNull(d, "commandTimeout");
            if (d.toMillis() < 10 || d.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("commandTimeout must be in [10ms, 1m]: " + d);
            }
            this.commandTimeout = d;
            return this;
        }

        /**
         * Whether the URI is one node of a Redis Cluster (default false). Every script's keys share the hash
         * tag of the lock, job or breaker name, so each runs on the node owning that name's slot.
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        public Coordination build() {
            ClientResources resources = ClientResources.builder()
                    .reconnectDelay(
                            Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                    .build();
            // opening the connection may take as long as a command (Lettuce's own default is 10 s)
            SocketOptions socketOptions = SocketOptions.builder()
                    .connectTimeout(commandTimeout)
                    .keepAlive(true)
                    .build();
            AbstractRedisClient client =
                    cluster ? RedisClusterClient.create(resources, uri) : RedisClient.create(resources, uri);
            StatefulConnection<String, String> connection;
            RedisClusterCommands<String, String> commands;
            try {
                if (client instanceof RedisClusterClient c) {
                    // a cluster connection waits for a node's connection to open (at most the timeout)
                    c.setOptions(ClusterClientOptions.builder()
                            .autoReconnect(true)
                            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                            .socketOptions(socketOptions)
                            .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                    .enableAllAdaptiveRefreshTriggers()
                                    .enablePeriodicRefresh(Duration.ofSeconds(30))
                                    .build())
                            .build());
                    StatefulRedisClusterConnection<String, String> cc = c.connect();
                    connection = cc;
                    commands = cc.sync();
                } else {
                    RedisClient c = (RedisClient) client;
                    c.setOptions(ClientOptions.builder()
                            .autoReconnect(true)
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                            .socketOptions(socketOptions)
                            .build());
                    StatefulRedisConnection<String, String> sc = c.connect();
                    connection = sc;
                    commands = sc.sync();
                }
            } catch (RedisException e) {
                client.shutdown(0, 2, TimeUnit.SECONDS);
                resources.shutdown(0, 2, TimeUnit.SECONDS);
                throw new CoordinationUnavailableException(
                        "cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort(), e);
            }
            connection.setTimeout(commandTimeout);
            RedisCalls calls = new RedisCalls(commands);
            return new CoordinationInstance(
                    instanceId,
                    clock,
                    schedulerOptions,
                    new RedisLeases(calls, keyPrefix),
                    new RedisJobs(calls, keyPrefix),
                    new RedisBreakers(calls, keyPrefix),
                    () -> {
                        connection.close();
                        client.shutdown(0, 2, TimeUnit.SECONDS);
                        resources.shutdown(0, 2, TimeUnit.SECONDS);
                    });
        }
    }
}
