package dev.sessionstore.server.edge;

import io.helidon.webserver.ConnectionContext;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watchdog's own probe connections, known by their local address and port (bound before they connect), so that
 * the connection guard neither counts nor refuses them: a probe must not take the last slot from a client.
 *
 * <p>Thread-safe.
 */
final class Probes {
    private final Set<InetSocketAddress> from = ConcurrentHashMap.newKeySet();

    /** A probe is about to connect from this address; those of earlier probes are forgotten. */
    void connecting(InetSocketAddress local) {
        from.clear();
        from.add(local);
    }

    /** Whether this connection is a probe (each is recognised once). */
    boolean isProbe(ConnectionContext ctx) {
        return ctx.remotePeer().address() instanceof InetSocketAddress remote && from.remove(remote);
    }
}
