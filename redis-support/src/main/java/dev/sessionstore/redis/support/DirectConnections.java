package dev.sessionstore.redis.support;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * This package's own connections to one standalone Redis, for synchronous script calls ({@link RedisCalls#run}):
 *
 * <ul>
 *   <li>On a <b>platform thread</b>, while at most {@code max} such calls are in flight, the caller borrows one of up
 *       to {@code max} {@link DirectConnection}s and does its round trip itself, waiting for the reply on its own
 *       thread, saving the two thread hand-offs of a multiplexed client (to its event loop and back). Under a
 *       heavier load calls go by the link's multiplexed Lettuce connection, where concurrent calls share Redis's
 *       reads and writes. While no call has found every direct connection busy for {@link #QUIET_NANOS}, a caller
 *       polls its socket for the reply for up to {@link RedisClientSettings#spinMicros()} before it sleeps ({@link
 *       DirectConnection}).
 *   <li>A <b>virtual thread</b> always goes by the one {@link PipelinedConnection} that virtual threads share
 *       ({@link #shared()}): it writes its command itself and is woken by that connection's reader, a virtual thread
 *       too, so the whole round trip stays on the scheduler's carriers.
 * </ul>
 *
 * <p>For a second after opening a connection failed, calls go by the multiplexed connection ({@link #enter()} and
 * {@link #shared()} answer null); the multiplexed connection stays the one that reconnects by itself. Connections
 * open on demand (the caller's thread connects, within the command timeout); lent ones are reused most-recent first.
 * Thread-safe.
 */
final class DirectConnections implements AutoCloseable {
    /** The default {@code max}: one caller at a time, or two, do their own round trips; more share one connection. */
    static final int DEFAULT_MAX = 2;

    private static final System.Logger LOG = System.getLogger(DirectConnections.class.getName());
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long after a call found every direct connection busy (and went multiplexed) the direct connections still
     * count as under load, and wait for replies without polling ({@link DirectConnection#spin}).
     */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final InetSocketAddress address;
    private final @Nullable RedisCredentialsProvider credentials;
    private final int database;
    private final @Nullable String clientName;
    private final Duration timeout;
    private final int max;
    private final long spinNanos;
    private volatile long overflowedAt = System.nanoTime() - 2 * QUIET_NANOS;
    private final ConcurrentLinkedDeque<DirectConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile long openAgainAt = System.nanoTime();
    private final AtomicBoolean openFailureLogged = new AtomicBoolean();
    private volatile boolean closed;
    private final ReentrantLock opening = new ReentrantLock();
    private volatile @Nullable PipelinedConnection shared;
    private volatile long openSharedAgainAt = System.nanoTime();

    private DirectConnections(
            RedisURI uri, @Nullable RedisCredentialsProvider credentials, Duration timeout, int max, long spinNanos) {
        this.address = InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
        this.credentials = credentials;
        this.database = uri.getDatabase();
        this.clientName = uri.getClientName();
        this.timeout = timeout;
        this.max = max;
        this.spinNanos = spinNanos;
    }

    /**
     * Direct connections for {@code settings}, or empty where they do not apply: {@link
     * RedisClientSettings#directConnections()} is 0, a Redis Cluster or a Sentinel-managed Redis (whose master the
     * Lettuce client follows), TLS, a Unix socket, or credentials that a provider streams (renewed on a live
     * connection). Other credentials are resolved for each connection opened.
     */
    static Optional<DirectConnections> of(RedisClientSettings settings) {
        RedisURI uri = settings.uri();
        int max = settings.directConnections();
        if (max <= 0
                || settings.cluster()
                || !uri.getSentinels().isEmpty()
                || uri.isSsl()
                || uri.getSocket() != null
                || uri.getHost() == null) {
            return Optional.empty();
        }
        RedisCredentialsProvider credentials = uri.getCredentialsProvider();
        if (credentials != null && credentials.supportsStreaming()) {
            return Optional.empty();
        }
        return Optional.of(new DirectConnections(
                uri, credentials, settings.commandTimeout(), max, RedisClientSettings.spinMicros() * 1000L));
    }

    /**
     * Starts one call: a connection for it when it runs on a platform thread and at most {@code max} calls (this one
     * included) are in flight, else null, and the call goes by the multiplexed connection, where concurrent calls
     * share Redis's reads and writes (a direct connection costs Redis a read and a write of its own per call). Each
     * {@code enter} is followed by one {@link #exit} with what it returned.
     */
    @Nullable
    DirectConnection enter() {
        int inFlight = calls.incrementAndGet();
        if (inFlight > max) {
            long now = System.nanoTime();
            if (now - overflowedAt > QUIET_NANOS / 16) {
                overflowedAt = now;
            }
            return null;
        }
        if (closed || Thread.currentThread().isVirtual()) {
            return null;
        }
        DirectConnection connection = idle.pollFirst();
        if (connection == null) {
            connection = openOne();
        }
        if (connection != null) {
            connection.spin(System.nanoTime() - overflowedAt > QUIET_NANOS ? spinNanos : 0);
        }
        return connection;
    }

    private @Nullable DirectConnection openOne() {
        if (System.nanoTime() - openAgainAt < 0) {
            return null;
        }
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return null;
        }
        try {
            InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
            return DirectConnection.open(resolved, credentials(), database, clientName, timeout);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            openAgainAt = System.nanoTime() + RETRY_NANOS;
            logOpenFailure(e);
            return null;
        }
    }

    /**
     * Ends a call started by {@link #enter}: its connection, if any, is kept for the next call, or closed if broken
     * or if this pool is closed.
     */
    void exit(@Nullable DirectConnection connection) {
        calls.decrementAndGet();
        if (connection == null) {
            return;
        }
        if (connection.broken() || closed) {
            discard(connection);
            return;
        }
        idle.offerFirst(connection);
        if (closed && idle.remove(connection)) {
            discard(connection);
        }
    }

    /**
     * The connection that virtual threads share ({@link PipelinedConnection}), opened on first use and again after
     * it broke; null when this pool is closed, while another caller is opening it, or for a second after opening it
     * failed (the call then goes by the multiplexed connection).
     */
    @Nullable
    PipelinedConnection shared() {
        PipelinedConnection connection = shared;
        if (connection != null && !connection.broken()) {
            return connection;
        }
        if (!opening.tryLock()) {
            return null; // another caller is opening it: this call goes multiplexed rather than wait for that
        }
        try {
            connection = shared;
            if (connection != null && !connection.broken()) {
                return connection;
            }
            if (closed || System.nanoTime() - openSharedAgainAt < 0) {
                return null;
            }
            try {
                InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
                connection = PipelinedConnection.open(resolved, credentials(), database, clientName, timeout);
            } catch (RuntimeException e) {
                openSharedAgainAt = System.nanoTime() + RETRY_NANOS;
                logOpenFailure(e);
                return null;
            }
            shared = connection;
            if (closed) {
                connection.close();
                return null;
            }
            return connection;
        } finally {
            opening.unlock();
        }
    }

    private void logOpenFailure(RuntimeException e) {
        if (!openFailureLogged.getAndSet(true)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "a direct connection to Redis could not be opened (" + e.getMessage() + "): calls go by the"
                            + " multiplexed connection meanwhile, and opening one is tried again after a second"
                            + " (logged once)");
        }
    }

    private Optional<RedisCredentials> credentials() {
        if (credentials == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(credentials.resolveCredentials().block(timeout));
        } catch (RuntimeException e) {
            throw new RedisConnectionException("the Redis credentials could not be resolved: " + e.getMessage(), e);
        }
    }

    /** Closes every idle connection: after Redis closed one (a restart), the others are likely dead too. */
    void discardIdle() {
        for (DirectConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            discard(c);
        }
    }

    /** Whether the shared connection is open (and not broken), for tests. */
    boolean sharedOpen() {
        PipelinedConnection connection = shared;
        return connection != null && !connection.broken();
    }

    /** Connections open now (idle and lent), for tests. */
    int open() {
        return open.get();
    }

    private void discard(DirectConnection connection) {
        connection.close();
        open.decrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
        discardIdle();
        PipelinedConnection connection = shared;
        if (connection != null) {
            connection.close();
        }
    }
}
