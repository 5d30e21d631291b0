package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.internal.ExceptionFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One blocking RESP2 connection to a standalone Redis, used by one thread at a time ({@link DirectConnections}
 * lends it): the caller's thread writes the command and reads the reply itself, so a call costs no hand-off to
 * an event loop and back. Replies are converted as Lettuce converts them ({@link RespReader}). An error reply, or
 * an error inside an array, fails the call with Lettuce's exception for it (a {@code NOSCRIPT} is a {@link
 * io.lettuce.core.RedisNoScriptException}); a failed read or write, with {@link RedisConnectionException}; no
 * reply within the command timeout, with {@link RedisCommandTimeoutException}. After either of the last two the
 * connection is {@linkplain #broken() broken}: its stream may be out of step with Redis, and it must be closed. Not
 * thread-safe.
 */
final class DirectConnection extends RespConnection implements AutoCloseable {
    private final Socket socket;
    private final RespReader reader;
    private final OutputStream out;
    private final long timeoutNanos;
    private boolean broken;
    private boolean answered;
    private boolean closedByRedis;

    private DirectConnection(Socket socket, Duration commandTimeout) throws IOException {
        this.socket = socket;
        this.reader = new RespReader(socket.getInputStream());
        this.out = socket.getOutputStream();
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
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.setSoTimeout((int) Math.max(1, commandTimeout.toMillis()));
            socket.connect(address, (int) Math.max(1, commandTimeout.toMillis()));
            DirectConnection connection = new DirectConnection(socket, commandTimeout);
            connection.handshake(credentials, database, clientName);
            connection.answered = false;
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e instanceof RedisConnectionException c
                    ? c
                    : new RedisConnectionException("cannot open a direct connection to Redis: " + e.getMessage(), e);
        }
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
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            out.write(encode(parts));
            Object reply = reader.reply(deadline);
            answered = true;
            return reply;
        } catch (SocketTimeoutException e) {
            broken = true;
            throw ExceptionFactory.createTimeoutException(Duration.ofNanos(timeoutNanos));
        } catch (IOException e) {
            broken = true;
            closedByRedis = true;
            throw new RedisConnectionException("the direct connection to Redis failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        broken = true;
        closeQuietly(socket);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
    }
}
