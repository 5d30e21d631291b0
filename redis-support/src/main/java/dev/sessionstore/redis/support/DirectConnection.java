package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.internal.ExceptionFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One RESP2 connection to a standalone Redis, used by one thread at a time ({@link DirectConnections} lends it): the
 * caller's thread writes the command and reads the reply itself, so a call costs no hand-off to an event loop and
 * back. Replies are converted as Lettuce converts them ({@link RespReader}). An error reply, or an error inside an
 * array, fails the call with Lettuce's exception for it (a {@code NOSCRIPT} is a {@link
 * io.lettuce.core.RedisNoScriptException}); a failed read or write, with {@link RedisConnectionException}; no reply
 * within the command timeout, with {@link RedisCommandTimeoutException}; an interrupt of the caller, with {@link
 * RedisCommandInterruptedException}. After any of the last three the connection is {@linkplain #broken() broken}: its
 * stream may be out of step with Redis, and it must be closed. Not thread-safe.
 *
 * <p><b>Waiting for the reply.</b> The socket is non-blocking. A caller first polls it for up to {@link #spin} (a
 * budget the pool sets per call, 0 under load), then sleeps in a selector until the reply or the deadline. A reply
 * from a Redis on the same host or rack comes within tens of microseconds; sleeping for it costs a round of the
 * scheduler (on a virtual machine, a halt and a wake-up of the virtual CPU) that is a third of such a round trip.
 * The connection keeps an average of its round trips and does not poll while that average is above the budget (a
 * distant Redis), so polling spends CPU only where it shortens the wait.
 */
final class DirectConnection extends RespConnection implements AutoCloseable {
    /** The weight of the newest round trip in the average (1/8). */
    private static final int AVERAGE_SHIFT = 3;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final RespReader reader;
    private final long timeoutNanos;
    private long deadline;
    private long spinUntil;
    private long spinNanos;
    private long averageNanos;
    private boolean broken;
    private boolean answered;
    private boolean closedByRedis;

    private DirectConnection(SocketChannel channel, Selector selector, Duration commandTimeout) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, SelectionKey.OP_READ);
        this.reader = new RespReader(new Input());
        this.timeoutNanos = commandTimeout.toNanos();
    }

    /**
     * Connects to {@code address} within {@code commandTimeout}, then authenticates, selects the database and sets
     * the client name, as Lettuce's handshake would.
     *
     * @throws RedisConnectionException if the connection or a handshake command failed
     */
    static DirectConnection open(
            InetSocketAddress address,
            Optional<RedisCredentials> credentials,
            int database,
            @Nullable String clientName,
            Duration commandTimeout) {
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            channel.socket().connect(address, (int) Math.max(1, commandTimeout.toMillis()));
            channel.configureBlocking(false);
            selector = Selector.open();
            DirectConnection connection = new DirectConnection(channel, selector, commandTimeout);
            connection.handshake(credentials, database, clientName);
            connection.answered = false;
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(selector);
            throw e instanceof RedisConnectionException c
                    ? c
                    : new RedisConnectionException("cannot open a direct connection to Redis: " + e.getMessage(), e);
        }
    }

    /**
     * Sets how long the next calls may poll for their reply before they sleep: {@code nanos}, or 0 while this
     * connection's average round trip is longer than that.
     */
    void spin(long nanos) {
        this.spinNanos = averageNanos <= nanos ? nanos : 0;
    }

    /** How long the next calls may poll for their reply, for tests. */
    long spinNanos() {
        return spinNanos;
    }

    /** This connection's average round trip, for tests. */
    long averageNanos() {
        return averageNanos;
    }

    /** Whether the stream may be out of step with Redis (a failed read or write, a timeout): close it. */
    boolean broken() {
        return broken;
    }

    /**
     * Whether the last command found the connection closed (not timed out) before any byte of its reply, on a
     * connection that had answered before: Redis closed it while it was idle (a restart, {@code CLIENT KILL}, its
     * idle timeout), most likely before reading the command.
     */
    boolean diedWhileIdle() {
        return closedByRedis && !reader.started() && answered;
    }

    /** Sends one command and reads its reply; an error reply is thrown. */
    @Override
    @Nullable
    Object command(byte[]... parts) {
        if (broken) {
            throw new RedisConnectionException("the direct connection to Redis is broken");
        }
        long start = System.nanoTime();
        deadline = start + timeoutNanos;
        spinUntil = start + spinNanos;
        try {
            write(ByteBuffer.wrap(encode(parts)));
            Object reply;
            try {
                reply = reader.reply(deadline);
            } finally {
                long took = System.nanoTime() - start;
                averageNanos += (took - averageNanos) >> AVERAGE_SHIFT;
            }
            answered = true;
            return reply;
        } catch (SocketTimeoutException e) {
            broken = true;
            throw ExceptionFactory.createTimeoutException(Duration.ofNanos(timeoutNanos));
        } catch (ClosedByInterruptException e) {
            broken = true;
            throw new RedisCommandInterruptedException(e);
        } catch (IOException e) {
            broken = true;
            closedByRedis = true;
            throw new RedisConnectionException("the direct connection to Redis failed: " + e.getMessage(), e);
        }
    }

    private void write(ByteBuffer bytes) throws IOException {
        channel.write(bytes);
        while (bytes.hasRemaining()) {
            await(SelectionKey.OP_WRITE);
            channel.write(bytes);
        }
    }

    /** Sleeps until the socket is ready for {@code operation} or the deadline passed. */
    private void await(int operation) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no complete reply within the command timeout");
        }
        key.interestOps(operation);
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
            // an interrupt wakes the selector at once (and at every select after it): the caller stops waiting
            throw new ClosedByInterruptException();
        }
    }

    /** The socket as the reader's stream: each read polls until {@link #spinUntil}, then sleeps until bytes come. */
    private final class Input extends InputStream {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ByteBuffer into = ByteBuffer.wrap(b, off, len);
            int n = channel.read(into);
            while (n == 0 && System.nanoTime() - spinUntil < 0) {
                Thread.onSpinWait();
                n = channel.read(into);
            }
            while (n == 0) {
                await(SelectionKey.OP_READ);
                n = channel.read(into);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    @Override
    public void close() {
        broken = true;
        closeQuietly(channel);
        closeQuietly(selector);
    }

    static void closeQuietly(@Nullable Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
    }
}
