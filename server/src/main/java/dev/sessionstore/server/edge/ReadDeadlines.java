package dev.sessionstore.server.edge;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-read timeout, which Helidon 4.5 does not have on the server side: its {@code readTimeout} options
 * configure clients, and its idle timeout interrupts a connection only while it waits for a request line, not while it
 * reads the headers or the body. (Its receive listeners are no help either: the reader never calls them for data.)
 * So each connection's reader is replaced by one that notes when bytes arrive: a request's clock starts when bytes
 * arrive while no request is in flight, and stops when its response status is sent; a sweeper closes the socket of
 * every connection whose clock passes the timeout, which ends the blocked read and the connection. Every handler of
 * this service answers well within the timeout (store calls give up at the Redis command timeout), so only a client
 * that keeps its request half-sent is cut.
 *
 * <p>Thread-safe: the readers and the send listener run on the connections' threads, the sweeper on its own.
 */
final class ReadDeadlines implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlines.class);

    private final Set<Timed> connections = ConcurrentHashMap.newKeySet();
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final LongAdder closed = new LongAdder();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sessionstore-read-deadlines");
        t.setDaemon(true);
        return t;
    });

    /** @param nanoTime a monotonic clock, {@link System#nanoTime()} outside tests */
    ReadDeadlines(Duration timeout, LongSupplier nanoTime) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
        long periodMillis = Math.clamp(timeout.toMillis() / 5, 50, 1000);
        sweeper.scheduleWithFixedDelay(this::sweep, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts timing a connection that just opened, before it has read a byte: the returned context, to be used in
     * place of {@code ctx}, reads through the clock. {@link #ended} it when the connection ends.
     */
    ConnectionContext track(ConnectionContext ctx) {
        Timed timed = new Timed(ctx);
        connections.add(timed);
        return timed;
    }

    /** Stops timing a connection that ended. */
    void ended(ConnectionContext tracked) {
        if (tracked instanceof Timed t) {
            connections.remove(t);
        }
    }

    /** Starts the clock of a connection now, whatever it reads (a refused connection, drained until it goes). */
    void startNow(ConnectionContext tracked) {
        if (tracked instanceof Timed t) {
            t.requestStart = nanoTime.getAsLong() | 1; // never 0, which means "no request in flight"
        }
    }

    /** Connections closed because a request was not read in time, since start. */
    long closedCount() {
        return closed.sum();
    }

    /**
     * Notes a request that asks {@code Connection: close}. Helidon 4.5 answers it {@code Connection: close} but then
     * waits for another request until the client closes or the idle timeout; so once the response has started, the
     * reader reports the end of the stream and Helidon ends the connection.
     */
    Http1ConnectionListener receiveListener() {
        return new Http1ConnectionListener() {
            @Override
            public void headers(ConnectionContext ctx, Headers headers) {
                if (ctx instanceof Timed t) {
                    t.closeAsked = headers.containsToken(HeaderValues.CONNECTION_CLOSE);
                }
            }
        };
    }

    /** Stops a request's clock when its response starts. */
    Http1ConnectionListener sendListener() {
        return new Http1ConnectionListener() {
            @Override
            public void status(ConnectionContext ctx, Status status) {
                if (ctx instanceof Timed t && status.code() >= 200) {
                    t.requestStart = 0;
                    t.closing = t.closeAsked;
                }
            }
        };
    }

    private void sweep() {
        long now = nanoTime.getAsLong();
        for (Timed t : connections) {
            long start = t.requestStart;
            if (start != 0 && now - start > timeoutNanos) {
                connections.remove(t);
                closed.increment();
                try {
                    LOG.debug("closing {}: its request was not read within the read timeout", t.remotePeer());
                    t.serverSocket().close();
                } catch (RuntimeException e) {
                    // a failure must not end the sweeper (a scheduled task that throws is never run again)
                    LOG.debug("closing a connection past its read timeout failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /**
     * A connection's context whose reader starts the clock; {@code requestStart} is 0 while no request is in flight,
     * {@code closing} is set once the response to a request that asked {@code Connection: close} has started.
     */
    private final class Timed extends ForwardingConnectionContext {
        final DataReader reader;
        volatile long requestStart;
        volatile boolean closeAsked;
        volatile boolean closing;

        Timed(ConnectionContext delegate) {
            super(delegate);
            this.reader = DataReader.create(this::read);
        }

        /** As Helidon's own reader reads (its I/O failures mapped alike), noting when bytes arrive. */
        private byte @Nullable [] read() {
            if (closing) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = serverSocket().get();
            } catch (UncheckedIOException e) {
                throw new ServerConnectionException("Failed to get data from socket", e);
            }
            if (bytes != null && requestStart == 0) {
                requestStart = nanoTime.getAsLong() | 1;
            }
            return bytes;
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }
    }
}
