package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A RESP2 connection of this package's own to a standalone Redis ({@link DirectConnection}, {@link
 * PipelinedConnection}): the script commands encoded as RESP2, sent with {@link #command} (synchronous: the futures
 * are complete when returned), the replies converted as Lettuce converts them ({@link RespReader}), and the
 * handshake that Lettuce's connection would do.
 */
abstract sealed class RespConnection implements ScriptCommands permits DirectConnection, PipelinedConnection {
    private static final byte[] FCALL = ascii("FCALL");
    private static final byte[] EVALSHA = ascii("EVALSHA");
    private static final byte[] EVAL = ascii("EVAL");
    private static final byte[] FUNCTION = ascii("FUNCTION");
    private static final byte[] LOAD = ascii("LOAD");

    /**
     * Sends one command and waits for its reply.
     *
     * @throws RedisCommandExecutionException for an error reply (Lettuce's exception for it)
     * @throws RedisConnectionException when the connection failed
     * @throws io.lettuce.core.RedisCommandTimeoutException when no reply came within the command timeout
     */
    abstract @Nullable Object command(byte[]... parts);

    /** Authenticates, selects the database and sets the client name, as Lettuce's handshake would. */
    final void handshake(Optional<RedisCredentials> credentials, int database, @Nullable String clientName) {
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
    }

    @Override
    public final <R> CompletableFuture<R> fcall(String function, LuaScript<R> script, String[] keys, String[] args) {
        return script(script, FCALL, utf8(function), keys, args);
    }

    @Override
    public final CompletableFuture<String> functionLoad(String code) {
        try {
            return CompletableFuture.completedFuture(String.valueOf(command(FUNCTION, LOAD, utf8(code))));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public final <R> CompletableFuture<R> evalsha(LuaScript<R> script, String[] keys, String[] args) {
        return script(script, EVALSHA, ascii(script.sha()), keys, args);
    }

    @Override
    public final <R> CompletableFuture<R> eval(LuaScript<R> script, String[] keys, String[] args) {
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

    /** The command as RESP2 bytes: an array of bulk strings, in one array of its exact size. */
    static byte[] encode(byte[][] parts) {
        int size = 1 + digits(parts.length) + 2;
        for (byte[] part : parts) {
            size += 1 + digits(part.length) + 2 + part.length + 2;
        }
        byte[] out = new byte[size];
        int at = header(out, 0, (byte) '*', parts.length);
        for (byte[] part : parts) {
            at = header(out, at, (byte) '$', part.length);
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
            out[at++] = '\r';
            out[at++] = '\n';
        }
        return out;
    }

    private static int header(byte[] out, int at, byte type, int n) {
        out[at++] = type;
        int end = at + digits(n);
        for (int i = end - 1, rest = n; i >= at; i--, rest /= 10) {
            out[i] = (byte) ('0' + rest % 10);
        }
        out[end] = '\r';
        out[end + 1] = '\n';
        return end + 2;
    }

    private static int digits(int n) {
        int digits = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
