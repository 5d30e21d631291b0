package dev.sessionstore.redis.support;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds Lettuce clients the one way sessionstore uses them. Lettuce asks for one {@link ClientResources} (its
 * event loops and timers) per process, shared by every client: {@link #newResources()} makes it, the owner
 * passes it to every builder and shuts it down after the last client.
 */
public final class RedisClients {
    private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(10);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);
    private static final Duration ADAPTIVE_REFRESH_LIMIT = Duration.ofSeconds(1);
    private static final Duration WAIT_ALLOWANCE = Duration.ofMinutes(1);

    private RedisClients() {}

    /**
     * New client resources that retry a lost connection after 10 ms, doubling up to once a second (Lettuce's
     * default backs off to 30 s, which would leave a recovered Redis unused that long). The caller shuts them
     * down ({@code shutdown(0, 2, SECONDS)}) after every client built on them.
     */
    public static ClientResources newResources() {
        return ClientResources.builder()
                .reconnectDelay(Delay.exponential(MIN_RECONNECT_DELAY, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * A client on {@code resources}, configured to fail fast: each command times out after the command
     * timeout ({@code WAIT} excepted: Redis ends it itself); TLS trusts the settings' CA certificates if any; a
     * lost connection is re-opened in the background. Standalone (and Sentinel): while disconnected, commands
     * are rejected at once rather than queued. Cluster: the client reads the topology from the node, routes each
     * command by its key's slot, follows {@code MOVED} and refreshes the topology when redirections or
     * reconnects show it changed (at most once a second: Lettuce's default of once per 30 s would leave the
     * slots of a failed-over master unserved that long), and at least every 30 s; a command for a node whose
     * connection is not open yet waits for it, at most the command timeout (Lettuce rejects it under {@code
     * REJECT_COMMANDS}).
     */
    static AbstractRedisClient create(RedisClientSettings settings, ClientResources resources) {
        SocketOptions socket = SocketOptions.builder()
                .connectTimeout(settings.connectTimeout())
                .keepAlive(true)
                .build();
        TimeoutOptions timeouts = TimeoutOptions.builder()
                .timeoutCommands()
                .timeoutSource(new CommandTimeouts(settings.commandTimeout()))
                .build();
        if (settings.cluster()) {
            RedisClusterClient client = RedisClusterClient.create(resources, handshake(settings));
            client.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                    .timeoutOptions(timeouts)
                    .socketOptions(socket)
                    .sslOptions(ssl(settings))
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_LIMIT)
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                            .build())
                    .build());
            return client;
        }
        RedisClient client = RedisClient.create(resources, handshake(settings));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(timeouts)
                .socketOptions(socket)
                .sslOptions(ssl(settings))
                .build());
        return client;
    }

    /**
     * The command timeout for every command but {@code WAIT}, which Redis itself ends after its own timeout (at most
     * a minute, {@link ReplicaAcknowledgement}): it gets that minute more, and {@link RedisCalls} bounds the wait.
     */
    private static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {
        private final long commandMillis;

        CommandTimeouts(Duration commandTimeout) {
            this.commandMillis = commandTimeout.toMillis();
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return command.getType() == CommandType.WAIT ? commandMillis + WAIT_ALLOWANCE.toMillis() : commandMillis;
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.MILLISECONDS;
        }
    }

    /** The JDK's TLS, trusting the settings' CA certificates if given, else the JVM's default ones. */
    private static SslOptions ssl(RedisClientSettings settings) {
        SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
        settings.trust().ifPresent(trust -> ssl.trustManager(trust.trustManagers()));
        return ssl.build();
    }

    /**
     * A copy of the URI whose timeout (the connection handshake's) is the connect timeout. {@code
     * RedisURI.builder(uri)} leaves out a Sentinel URI's Sentinels and master id: they are copied here.
     */
    private static RedisURI handshake(RedisClientSettings settings) {
        RedisURI source = settings.uri();
        RedisURI.Builder copy = RedisURI.builder(source).withTimeout(settings.connectTimeout());
        if (!source.getSentinels().isEmpty()) {
            source.getSentinels().forEach(copy::withSentinel);
            copy.withSentinelMasterId(Objects.requireNonNull(source.getSentinelMasterId(), "sentinel master id"));
        }
        return copy.build();
    }
}
