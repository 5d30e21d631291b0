package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.internal.ExceptionFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
final class DirectConnection implements ScriptCommands, AutoCloseable {
    private static final byte[] FCALL = ascii("FCALL");
    private static final byte[] EVALSHA = ascii("EVALSHA");
    private static final byte[] EVAL = ascii("EVAL");
    private static final byte[] FUNCTION = ascii("FUNCTION");
    private static final byte[] LOAD = ascii("LOAD");
    private static final int BUFFER = 8192;

    private final Socket socket;
    private final RespReader reader;
    private final OutputStream out;
    private final long timeoutNanos;
    private byte[] output = new byte[BUFFER];
    private int written;
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
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e instanceof RedisConnectionException c
                    ? c
                    : new RedisConnectionException("cannot open a direct connection to Redis: " + e.getMessage(), e);
        }
    }

    private void handshake(Optional<RedisCredentials> credentials, int database, @Nullable String clientName) {
        try {
            if (credentials.isPresent() && credentials.get().hasPassword()) {
                RedisCredentials c = credentials.get();
                byte[] password = utf8(new String(c.getPassword()));
                command(
                        c.hasUsername()
                                ? new byte[][] {ascii("AUTH"), utf8(c.getUsername()), password}
                                : new byte[][] {ascii("AUTH"), password});
            }
            if (database != 0) {
                command(ascii("SELECT"), ascii(Integer.toString(database)));
            }
            if (clientName != null && !clientName.isEmpty()) {
                command(ascii("CLIENT"), ascii("SETNAME"), utf8(clientName));
            }
        } catch (RedisCommandExecutionException e) {
            throw new RedisConnectionException("Redis refused the direct connection's handshake: " + e.getMessage(), e);
        }
        answered = false;
    }

    @Override
    public <R> CompletableFuture<R> fcall(String function, LuaScript<R> script, String[] keys, String[] args) {
        return script(script, FCALL, utf8(function), keys, args);
    }

    @Override
    public CompletableFuture<String> functionLoad(String code) {
        try {
            return CompletableFuture.completedFuture(String.valueOf(command(FUNCTION, LOAD, utf8(code))));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <R> CompletableFuture<R> evalsha(LuaScript<R> script, String[] keys, String[] args) {
        return script(script, EVALSHA, ascii(script.sha()), keys, args);
    }

    @Override
    public <R> CompletableFuture<R> eval(LuaScript<R> script, String[] keys, String[] args) {
        return script(script, EVAL, utf8(script.text()), keys, args);
    }

    private <R> CompletableFuture<R> script(
            LuaScript<R> script, byte[] verb, byte[] target, String[] keys, String[] args) {
        byte[][] parts = new byte[3 + keys.length + args.length][];
        parts[0] = verb;
        parts[1] = target;
        parts[2] = ascii(Integer.toString(keys.length));
        for (int i = 0; i < keys.length; i++) {
            parts[3 + i] = utf8(keys[i]);
        }
        for (int i = 0; i < args.length; i++) {
            parts[3 + keys.length + i] = utf8(args[i]);
        }
        try {
            return CompletableFuture.completedFuture(convert(command(parts), script.output()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> @Nullable R convert(@Nullable Object reply, ScriptOutputType output) {
        if (output == ScriptOutputType.MULTI && !(reply instanceof List<?>)) {
            return (R) new ArrayList<>(Arrays.asList(reply));
        }
        return (R) reply;
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
    private @Nullable Object command(byte[]... parts) {
        if (broken) {
            throw new RedisConnectionException("the direct connection to Redis is broken");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            write(parts);
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

    private void write(byte[][] parts) throws IOException {
        written = 0;
        put((byte) '*');
        putNumber(parts.length);
        for (byte[] part : parts) {
            put((byte) '$');
            putNumber(part.length);
            ensure(part.length + 2);
            System.arraycopy(part, 0, output, written, part.length);
            written += part.length;
            put((byte) '\r');
            put((byte) '\n');
        }
        out.write(output, 0, written);
        if (output.length > 4 * BUFFER) {
            output = new byte[BUFFER];
        }
    }

    private void putNumber(long n) {
        byte[] digits = ascii(Long.toString(n));
        ensure(digits.length + 2);
        System.arraycopy(digits, 0, output, written, digits.length);
        written += digits.length;
        output[written++] = '\r';
        output[written++] = '\n';
    }

    private void put(byte b) {
        ensure(1);
        output[written++] = b;
    }

    private void ensure(int more) {
        if (written + more > output.length) {
            output = Arrays.copyOf(output, Math.max(output.length * 2, written + more));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        broken = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing to do
        }
    }
}
