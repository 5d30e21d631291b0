package dev.sessionstore.redis.support;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * One client ({@link RedisClients#create}) and its one multiplexed connection, to a standalone or
 * Sentinel-managed Redis or to a Redis Cluster (one connection object that routes each command to the node
 * owning its key's slot). The connection opens on first use, or at {@link #connect()}, and then reconnects by
 * itself. {@link #close()} closes the connection and the client, and the client resources too unless they were
 * shared. Thread-safe.
 */
public final class RedisLink implements AutoCloseable {
    private final RedisClientSettings settings;
    private final RedisExceptions exceptions;
    private final AbstractRedisClient client;
    private final Optional<ClientResources> ownResources;
    private final Optional<DirectConnections> direct;
    private volatile @Nullable Commands commands;
    private @Nullable StatefulConnection<String, String> connection;
    private boolean closed;

    private record Commands(
            RedisClusterAsyncCommands<String, String> async, RedisClusterCommands<String, String> sync) {}

    private RedisLink(
            RedisClientSettings settings,
            RedisExceptions exceptions,
            AbstractRedisClient client,
            Optional<ClientResources> ownResources) {
        this.settings = settings;
        this.exceptions = exceptions;
        this.client = client;
        this.ownResources = ownResources;
        this.direct = DirectConnections.of(settings);
    }

    /**
     * A link that connects on first use.
     *
     * @param shared the process's client resources, left running on close; empty: the link creates its own
     *     ({@link RedisClients#newResources()}) and shuts them down on close
     * @param exceptions how failures are reported, by this link and by {@link RedisCalls} on it
     */
    public static RedisLink open(
            RedisClientSettings settings, Optional<ClientResources> shared, RedisExceptions exceptions) {
        Optional<ClientResources> own =
                shared.isPresent() ? Optional.empty() : Optional.of(RedisClients.newResources());
        ClientResources resources = shared.or(() -> own).orElseThrow();
        return new RedisLink(settings, exceptions, RedisClients.create(settings, resources), own);
    }

    /**
     * Opens the connection now if it is not open, and returns this link.
     *
     * @throws RuntimeException {@link RedisExceptions#unavailable} if Redis cannot be reached; the link is then
     *     still usable and tries again on the next use
     */
    public RedisLink connect() {
        commands();
        return this;
    }

    /** The asynchronous commands, connecting first if needed (throwing as {@link #connect()}). */
    public RedisClusterAsyncCommands<String, String> async() {
        return commands().async();
    }

    /** The synchronous commands (each waits at most the command timeout), connecting first if needed. */
    public RedisClusterCommands<String, String> sync() {
        return commands().sync();
    }

    public RedisClientSettings settings() {
        return settings;
    }

    RedisExceptions exceptions() {
        return exceptions;
    }

    /** The direct connections for synchronous script calls, where they apply ({@link DirectConnections#of}). */
    Optional<DirectConnections> direct() {
        return direct;
    }

    private Commands commands() {
        Commands c = commands;
        return c != null ? c : open();
    }

    private synchronized Commands open() {
        if (closed) {
            throw new IllegalStateException("the Redis connection is closed");
        }
        if (commands == null) {
            try {
                connection = switch (client) {
                    case RedisClusterClient cluster -> cluster.connect(StringCodec.UTF8);
                    case RedisClient standalone -> standalone.connect(StringCodec.UTF8);
                    default -> throw new IllegalStateException("unknown client " + client);
                };
            } catch (RedisException e) {
                throw exceptions.unavailable("cannot connect to Redis at " + settings.describe() + tlsProblem(e), e);
            }
            commands = connection instanceof StatefulRedisClusterConnection<String, String> cluster
                    ? new Commands(cluster.async(), cluster.sync())
                    : commandsOf((StatefulRedisConnection<String, String>) connection);
        }
        return commands;
    }

    /**
     * Sends {@code WAIT replicas timeout} on the connection that carries the writes to {@code key}: standalone and
     * Sentinel, the one connection; Redis Cluster, the connection to the master that owns the key's slot now (the
     * one Lettuce routes that slot's writes through). Redis answers how many replicas acknowledged every write sent
     * on that connection so far, once {@code replicas} have or after {@code timeout}. The future fails with the raw
     * Lettuce exception. On a cluster whose slot moved between the write and this call (a failover or a migration the
     * client has just learned of), the WAIT goes to the slot's new master and counts that connection's writes, not
     * the one just made: a narrow window in which an acknowledgement can be wrong.
     */
    public CompletableFuture<Long> waitForReplicas(String key, int replicas, Duration timeout) {
        commands();
        StatefulConnection<String, String> open = connection;
        if (open instanceof StatefulRedisClusterConnection<String, String> cluster) {
            RedisClusterNode master = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
            if (master == null) {
                return CompletableFuture.failedFuture(
                        new RedisConnectionException("no master known for the slot of " + key));
            }
            return cluster.getConnectionAsync(
                            master.getUri().getHost(), master.getUri().getPort())
                    .thenCompose(node -> node.async()
                            .waitForReplication(replicas, timeout.toMillis())
                            .toCompletableFuture());
        }
        return async().waitForReplication(replicas, timeout.toMillis()).toCompletableFuture();
    }

    /** What a failed handshake says of TLS, or "": an untrusted certificate names the remedy. */
    private static String tlsProblem(Throwable failure) {
        Optional<SSLException> handshake = Optional.empty();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException
                    || message.contains("PKIX path")) {
                return ": its TLS certificate is not trusted (" + message
                        + "); give the CA certificate that signed it (PEM) as the trusted certificates";
            }
            if (t instanceof SSLException ssl && handshake.isEmpty()) {
                handshake = Optional.of(ssl);
            }
        }
        return handshake
                .map(e -> ": the TLS handshake failed (" + e.getMessage() + ")")
                .orElse("");
    }

    private static Commands commandsOf(StatefulRedisConnection<String, String> connection) {
        return new Commands(connection.async(), connection.sync());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        direct.ifPresent(DirectConnections::close);
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        ownResources.ifPresent(r -> r.shutdown(0, 2, TimeUnit.SECONDS));
    }
}
