package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.internal.ExceptionFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RESP2 replies from a blocking stream for a {@link DirectConnection}, converted as Lettuce converts them
 * with {@link io.lettuce.core.codec.StringCodec#UTF8}: bulk and status replies as strings, integers as {@code
 * Long}, arrays as lists, nil as null. Not thread-safe.
 */
final class RespReader {
    /** Redis's own limit on a bulk string ({@code proto-max-bulk-len}, 512 MB). */
    private static final int MAX_BULK = 512 * 1024 * 1024;

    private static final int MAX_PRESIZE = 1024;

    private final InputStream in;
    private final byte[] input = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[64];
    private boolean started;
    private @Nullable RedisCommandExecutionException nestedError;

    RespReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one whole reply.
     *
     * @param deadline {@link System#nanoTime()} after which no more bytes are waited for
     * @throws RedisCommandExecutionException Lettuce's exception for an error reply, or for the first error inside
     *     an array (the reply is read to its end first, so the stream stays in step)
     * @throws SocketTimeoutException when the deadline or the socket's timeout passed
     * @throws IOException when the stream failed or ended, or held something that is not RESP2
     */
    @Nullable
    Object reply(long deadline) throws IOException {
        started = false;
        nestedError = null;
        Object reply = read(deadline);
        if (reply instanceof RedisCommandExecutionException error) {
            throw error;
        }
        if (nestedError != null) {
            throw nestedError;
        }
        return reply;
    }

    /** Whether any byte of the last reply arrived. */
    boolean started() {
        return started;
    }

    /**
     * One RESP2 reply; an error reply is returned (not thrown) as Lettuce's exception for it, the first one inside
     * an array also kept in {@code nestedError}: the reply is read to its end before the call fails.
     */
    private @Nullable Object read(long deadline) throws IOException {
        byte type = next(deadline);
        started = true;
        return switch (type) {
            case '+' -> line(deadline);
            case '-' -> ExceptionFactory.createExecutionException(line(deadline));
            case ':' -> number(deadline);
            case '$' -> bulk(number(deadline), deadline);
            case '*' -> array(number(deadline), deadline);
            default -> throw new IOException("unexpected reply type '" + (char) type + "'");
        };
    }

    /**
     * A signed 64-bit decimal integer up to its CRLF, read from the bytes (no string per number on the hot path);
     * summed as a negative number, whose range includes {@link Long#MIN_VALUE}.
     */
    private long number(long deadline) throws IOException {
        byte b = next(deadline);
        boolean negative = b == '-';
        if (negative) {
            b = next(deadline);
        }
        long sum = 0;
        int digits = 0;
        try {
            for (; b != '\r'; b = next(deadline), digits++) {
                if (b < '0' || b > '9') {
                    throw new IOException("not a number in a reply");
                }
                sum = Math.subtractExact(Math.multiplyExact(sum, 10), b - '0');
            }
            next(deadline);
            if (digits == 0) {
                throw new IOException("not a number in a reply: no digits");
            }
            return negative ? sum : Math.negateExact(sum);
        } catch (ArithmeticException e) {
            throw new IOException("not a number in a reply: beyond 64 bits", e);
        }
    }

    private @Nullable List<Object> array(long count, long deadline) throws IOException {
        if (count < 0) {
            return null;
        }
        if (count > Integer.MAX_VALUE) {
            throw new IOException("an array reply of " + count + " elements");
        }
        List<Object> elements = new ArrayList<>((int) Math.min(count, MAX_PRESIZE));
        for (int i = 0; i < count; i++) {
            Object element = read(deadline);
            if (element instanceof RedisCommandExecutionException error && nestedError == null) {
                nestedError = error;
            }
            elements.add(element);
        }
        return elements;
    }

    private @Nullable String bulk(long length, long deadline) throws IOException {
        if (length < 0) {
            return null;
        }
        if (length > MAX_BULK) {
            throw new IOException("a bulk reply of " + length + " bytes, more than Redis sends");
        }
        byte[] bytes = new byte[(int) length];
        int copied = 0;
        while (copied < length) {
            if (position == limit) {
                fill(deadline);
            }
            int n = (int) Math.min(length - copied, limit - position);
            System.arraycopy(input, position, bytes, copied, n);
            position += n;
            copied += n;
        }
        next(deadline);
        next(deadline);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String line(long deadline) throws IOException {
        int length = 0;
        for (byte b = next(deadline); b != '\r'; b = next(deadline)) {
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = b;
        }
        next(deadline);
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private byte next(long deadline) throws IOException {
        if (position == limit) {
            fill(deadline);
        }
        return input[position++];
    }

    private void fill(long deadline) throws IOException {
        if (System.nanoTime() - deadline > 0) {
            throw new SocketTimeoutException("no complete reply within the command timeout");
        }
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            throw new EOFException("Redis closed the connection");
        }
        position = 0;
        limit = n;
    }
}
