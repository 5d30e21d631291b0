package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.internal.ExceptionFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One RESP2 connection to a standalone Redis that virtual threads share, pipelined: a caller writes its command
 * itself (under a lock that keeps the order of writes and of the calls waiting for replies the same) and parks; one
 * virtual thread of the connection reads the replies in order and hands each to its caller. Every step runs on the
 * virtual-thread scheduler's carriers, so a call costs no hand-off to a client's event-loop thread and back: the
 * reader's wake-ups come from the JDK's poller, once for as many replies as arrived together.
 *
 * <p>An error reply, or an error inside an array, fails its call with Lettuce's exception for it; no reply within
 * the command timeout, with {@link RedisCommandTimeoutException} (the call's reply, when it comes, is read and
 * dropped, and the connection stays in use). When a read or a write fails the connection is {@linkplain #broken()
 * broken} and closed, and every call waiting on it fails with {@link Lost}: its command may or may not have run, so
 * the caller sends it again elsewhere (at least once, as Lettuce re-sends what a lost connection carried).
 * Thread-safe.
 */
final class PipelinedConnection extends RespConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PipelinedConnection.class.getName());

    private static final long MIN_WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Socket socket;
    private final OutputStream out;
    private final RespReader reader;
    private final long timeoutNanos;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Call> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean broken;

    /**
     * A call waiting for its reply, completed once ({@link #complete}): by the reader with its reply, by the
     * watchdog when its deadline passed, or by {@link #fail}.
     */
    private static final class Call {
        private static final Object PENDING = new Object();
        private static final Object NIL = new Object();
        private static final VarHandle OUTCOME;

        static {
            try {
                OUTCOME = MethodHandles.lookup().findVarHandle(Call.class, "outcome", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread caller = Thread.currentThread();
        final long deadline;
        volatile Object outcome = PENDING;

        Call(long deadline) {
            this.deadline = deadline;
        }

        boolean done() {
            return outcome != PENDING;
        }

        /** Sets the outcome unless it was set already, and wakes the caller. */
        void complete(@Nullable Object reply) {
            if (OUTCOME.compareAndSet(this, PENDING, reply == null ? NIL : reply)) {
                LockSupport.unpark(caller);
            }
        }

        @Nullable
        Object reply() {
            Object reply = outcome;
            if (reply instanceof RuntimeException e) {
                throw e;
            }
            return reply == NIL ? null : reply;
        }
    }

    /** The call's connection failed before its reply arrived: send it again on another connection. */
    static final class Lost extends RedisConnectionException {
        Lost(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private PipelinedConnection(Socket socket, Duration commandTimeout) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new RespReader(socket.getInputStream());
        this.timeoutNanos = commandTimeout.toNanos();
    }

    /**
     * Connects to {@code address} within {@code commandTimeout}, starts the reader and does the handshake.
     *
     * @throws RedisConnectionException if the connection or a handshake command failed
     */
    static PipelinedConnection open(
            InetSocketAddress address,
            Optional<RedisCredentials> credentials,
            int database,
            @Nullable String clientName,
            Duration commandTimeout) {
        Socket socket = new Socket();
        PipelinedConnection connection = null;
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, (int) Math.max(1, commandTimeout.toMillis()));
            connection = new PipelinedConnection(socket, commandTimeout);
            Thread.ofVirtual().name("sessionstore-redis-reader").start(connection::readReplies);
            long period = Math.clamp(commandTimeout.toNanos() / 8, MIN_WATCH_NANOS, MAX_WATCH_NANOS);
            PipelinedConnection watched = connection;
            Thread.ofVirtual().name("sessionstore-redis-watchdog").start(() -> watched.watch(period));
            connection.handshake(credentials, database, clientName);
            return connection;
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            DirectConnection.closeQuietly(socket);
            throw e instanceof RedisConnectionException c
                    ? c
                    : new RedisConnectionException("cannot open a direct connection to Redis: " + e.getMessage(), e);
        }
    }

    /** Whether a read or a write failed, or the connection was closed: open another. */
    boolean broken() {
        return broken;
    }

    /**
     * Writes the command and parks until its reply, a failure or the watchdog completes the call. The park has no
     * timeout of its own: a timed park costs a virtual thread a wake-up of the scheduler's timer thread, twice per
     * call, which on a loaded core costs more than the rest of the round trip.
     */
    @Override
    @Nullable
    Object command(byte[]... parts) {
        byte[] bytes = encode(parts);
        Call call;
        writing.lock();
        try {
            if (broken) {
                throw new Lost("the direct connection to Redis is closed", null);
            }
            call = new Call(System.nanoTime() + timeoutNanos);
            waiting.add(call);
            out.write(bytes);
        } catch (IOException e) {
            fail(e);
            throw new Lost("the direct connection to Redis failed: " + e.getMessage(), e);
        } finally {
            writing.unlock();
        }
        while (!call.done()) {
            LockSupport.park(this);
            if (Thread.currentThread().isInterrupted()) {
                call.complete(new RedisCommandInterruptedException(new InterruptedException()));
            }
        }
        return call.reply();
    }

    /**
     * The watchdog's loop: every {@code period}, the calls waiting past their deadline (the oldest first, as
     * deadlines follow the order of writes) fail with {@link RedisCommandTimeoutException}; their replies, when
     * they come, are read and dropped.
     */
    private void watch(long periodNanos) {
        while (!broken) {
            LockSupport.parkNanos(this, periodNanos);
            long now = System.nanoTime();
            for (Call call : waiting) {
                if (call.deadline - now > 0) {
                    break;
                }
                call.complete(ExceptionFactory.createTimeoutException(Duration.ofNanos(timeoutNanos)));
            }
        }
    }

    /** The reader's loop: each reply to the oldest waiting call, until the connection fails or closes. */
    private void readReplies() {
        long never = System.nanoTime() + Long.MAX_VALUE / 2;
        while (true) {
            Object reply;
            try {
                reply = reader.reply(never);
            } catch (RedisCommandExecutionException e) {
                reply = e;
            } catch (IOException | RuntimeException e) {
                fail(e);
                return;
            }
            Call call = waiting.poll();
            if (call == null) {
                fail(new IOException("Redis sent a reply that no call waits for"));
                return;
            }
            call.complete(reply);
        }
    }

    /**
     * Marks the connection broken, closes it, and fails every waiting call with {@link Lost}. The lock is taken
     * after the close, so a writer blocked on a full socket is released first; a writer that takes the lock later
     * sees {@code broken}.
     */
    private void fail(Throwable cause) {
        boolean first = !broken;
        broken = true;
        DirectConnection.closeQuietly(socket);
        if (first && !(cause instanceof IOException && socket.isClosed())) {
            LOG.log(System.Logger.Level.DEBUG, "direct connection to Redis failed", cause);
        }
        writing.lock();
        try {
            Lost lost = new Lost("the direct connection to Redis failed: " + cause.getMessage(), cause);
            for (Call call = waiting.poll(); call != null; call = waiting.poll()) {
                call.complete(lost);
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() {
        fail(new IOException("closed"));
    }
}
