package dev.sessionstore.server.edge;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The listener's only connection selector, wrapping Helidon's HTTP/1.1 one, so that every connection passes here
 * when it opens (before a byte is read) and when it ends. It counts the open connections; one above the cap is
 * answered {@code 503} with {@code Retry-After} and {@code Connection: close} at once, without reading its request,
 * then drained until the client closes (closing with its request unread would send a reset, which can destroy the
 * 503 before the client reads it) or the read timeout. Helidon's own connection limit sits a little above the cap
 * (the room for these refusals): at that limit the listener stops accepting, so the process never holds more
 * connections than its descriptors allow.
 *
 * <p>Thread-safe.
 */
final class ConnectionGuard implements ServerConnectionSelector {
    private static final int DRAIN_MAX_BYTES = 128 * 1024;

    private final ServerConnectionSelector http1;
    private final int maxConnections;
    private final ReadDeadlines deadlines;
    private final Probes probes;
    private final byte[] refusal;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder refused = new LongAdder();

    ConnectionGuard(ServerConnectionSelector http1, int maxConnections, ReadDeadlines deadlines, Probes probes) {
        this.http1 = http1;
        this.maxConnections = maxConnections;
        this.deadlines = deadlines;
        this.probes = probes;
        this.refusal = refusal(maxConnections);
    }

    /** Connections open now, refused ones included until they close. */
    int open() {
        return open.get();
    }

    /** Connections answered 503 because the cap was reached, since start. */
    long refusedCount() {
        return refused.sum();
    }

    /** Whether a new connection would be served now. */
    boolean hasRoom() {
        return open.get() < maxConnections;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        return http1.supports(data);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        if (probes.isProbe(ctx)) {
            return http1.connection(ctx); // closes at once; never counted, never refused
        }
        boolean served = open.incrementAndGet() <= maxConnections;
        ConnectionContext timed = deadlines.track(ctx);
        try {
            return new Guarded(timed, http1.connection(timed), served);
        } catch (RuntimeException e) {
            deadlines.ended(timed);
            open.decrementAndGet();
            throw e;
        }
    }

    private void refuse(ConnectionContext ctx) {
        refused.increment();
        deadlines.startNow(ctx);
        ctx.dataWriter().writeNow(BufferData.create(refusal));
        DataReader reader = ctx.dataReader();
        int drained = 0;
        try {
            while (drained < DRAIN_MAX_BYTES) {
                reader.ensureAvailable();
                int n = reader.available();
                reader.skip(n);
                drained += n;
            }
        } catch (RuntimeException endOfStreamOrClosed) {
            // the client closed (or the read timeout closed it): done
        }
    }

    /**
     * Closes the connection's socket (its descriptor) as its handling ends. Helidon 4.5 gives the connection's
     * place back to its accept loop ({@code maxTcpConnections}) before it closes the socket, so without this the
     * loop could accept a new connection while the old descriptor is still open, and under a flood of closing
     * connections hold more descriptors than the caps allow. Everything the connection wrote is already in the
     * kernel (Helidon's writes are direct), and Helidon closes the socket the same way right after.
     */
    private static void closeDescriptor(ConnectionContext ctx) {
        try {
            ctx.serverSocket().close();
        } catch (RuntimeException alreadyClosedOrReset) {
            // nothing left to close
        }
    }

    private static byte[] refusal(int maxConnections) {
        String body = "{\"type\":\"https://sessionstore.dev/problems/too-many-connections\","
                + "\"title\":\"Too many connections\",\"status\":503,"
                + "\"detail\":\"the service holds its maximum of " + maxConnections
                + " connections; retry later\"}";
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 503 Service Unavailable\r\n"
                + "Content-Type: application/problem+json\r\n"
                + "Retry-After: 1\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** A connection counted from its start to its end; Helidon's idle timeout and shutdown reach it through here. */
    private final class Guarded implements ServerConnection, InterruptableTask<Void> {
        private final ConnectionContext ctx;
        private final ServerConnection delegate;
        private final boolean served;

        Guarded(ConnectionContext ctx, ServerConnection delegate, boolean served) {
            this.ctx = ctx;
            this.delegate = delegate;
            this.served = served;
        }

        @Override
        public void handle(Limit limit) throws InterruptedException {
            try {
                if (served) {
                    delegate.handle(limit);
                } else {
                    refuse(ctx);
                }
            } finally {
                closeDescriptor(ctx);
                deadlines.ended(ctx);
                open.decrementAndGet();
            }
        }

        @Override
        public Duration idleTime() {
            return delegate.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            if (served) {
                delegate.close(interrupt);
            } else {
                closeDescriptor(ctx); // a refusal being drained: nothing to finish
            }
        }

        @Override
        public boolean canInterrupt() {
            return delegate instanceof InterruptableTask<?> task && task.canInterrupt();
        }
    }
}
