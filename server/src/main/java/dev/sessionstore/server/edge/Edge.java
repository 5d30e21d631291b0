package dev.sessionstore.server.edge;

import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.helidon.webserver.spi.ServerConnectionSelector;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service edge, around Helidon's web server:
 *
 * <ul>
 *   <li>idle keep-alive connections are closed by Helidon's idle timeout (checked every fifth of it, 0.1-5 s);
 *   <li>a request not read and answered within the read timeout has its connection closed ({@link ReadDeadlines});
 *   <li>connections above the cap are answered 503 and closed ({@link ConnectionGuard}); the cap is lowered at start
 *       to what the descriptor limit holds ({@link DescriptorBudget}), so accepting never runs out of descriptors
 *       because of connections;
 *   <li>should the listener end anyway, a new one is started ({@link ListenerWatchdog}).
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class Edge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Edge.class);

    private final ConnectionCaps caps;
    private final ReadDeadlines deadlines;
    private final ConnectionGuard guard;
    private final ListenerWatchdog watchdog;

    private Edge(ConnectionCaps caps, ReadDeadlines deadlines, ConnectionGuard guard, ListenerWatchdog watchdog) {
        this.caps = caps;
        this.deadlines = deadlines;
        this.guard = guard;
        this.watchdog = watchdog;
    }

    /**
     * Starts the web server {@code server} describes, with the edge's settings added: {@code http1} becomes its only
     * protocol, behind the connection guard.
     *
     * @throws IllegalStateException when the web server does not start (e.g. the port is taken)
     */
    public static Edge start(EdgeOptions options, WebServerConfig.Builder server, Http1Config.Builder http1) {
        ConnectionCaps caps = ConnectionCaps.of(options.maxConnections(), DescriptorBudget.current());
        if (caps.lowered()) {
            LOG.warn(
                    "max-connections lowered from {} to {}: the descriptor limit (ulimit -n) cannot hold more; raise"
                            + " it to serve more connections",
                    options.maxConnections(),
                    caps.served());
        }
        ReadDeadlines deadlines = new ReadDeadlines(options.readTimeout(), System::nanoTime);
        Probes probes = new Probes();
        try {
            ConnectionGuard guard = new ConnectionGuard(http1(http1, deadlines), caps.served(), deadlines, probes);
            WebServerConfig config = server.protocolsDiscoverServices(false)
                    .protocols(List.of())
                    .connectionSelectors(List.of(guard))
                    .maxTcpConnections(caps.accepted())
                    .writeQueueLength(0) // direct writes: written before ConnectionGuard closes the socket
                    .idleConnectionTimeout(options.idleTimeout())
                    .idleConnectionPeriod(idlePeriod(options.idleTimeout()))
                    .buildPrototype();
            WebServer web = WebServer.create(config).start();
            if (!web.isRunning()) {
                throw new IllegalStateException(
                        "the web server did not start on " + config.host() + ":" + config.port() + " (see the log)");
            }
            WebServerConfig again =
                    WebServerConfig.builder(config).port(web.port()).buildPrototype();
            return new Edge(caps, deadlines, guard, new ListenerWatchdog(again, web, probes));
        } catch (RuntimeException e) {
            deadlines.close();
            throw e;
        }
    }

    /** Helidon's HTTP/1.1 selector, as protocol discovery would make it, with the read deadlines listening. */
    private static ServerConnectionSelector http1(Http1Config.Builder http1, ReadDeadlines deadlines) {
        Http1Config config = http1.addReceiveListener(deadlines.receiveListener())
                .addSendListener(deadlines.sendListener())
                .build();
        return new Http1ConnectionProvider()
                .create(WebServer.DEFAULT_SOCKET_NAME, config, ProtocolConfigs.create(List.of(config)));
    }

    private static Duration idlePeriod(Duration idleTimeout) {
        return Duration.ofMillis(Math.clamp(idleTimeout.toMillis() / 5, 100, 5000));
    }

    /** The bound port. */
    public int port() {
        return watchdog.web().port();
    }

    /** Connections served at most (the effective {@code --max-connections}). */
    public int maxConnections() {
        return caps.served();
    }

    /** Whether new connections are served now: the port accepts and the connections are below the cap. */
    public boolean ready() {
        return watchdog.listening() && guard.hasRoom();
    }

    /** Connections open, refused, closed past the read timeout, and listener restarts, as metrics. */
    public void bind(MeterRegistry registry) {
        Gauge.builder("sessionstore.edge.connections.open", guard, ConnectionGuard::open)
                .description("open HTTP connections, refused ones included until they close")
                .register(registry);
        Gauge.builder("sessionstore.edge.connections.max", caps, ConnectionCaps::served)
                .description("connections served at most; one more is answered 503")
                .register(registry);
        FunctionCounter.builder("sessionstore.edge.connections.refused", guard, ConnectionGuard::refusedCount)
                .description("connections answered 503 because the cap was reached")
                .register(registry);
        FunctionCounter.builder("sessionstore.edge.connections.read_timeouts", deadlines, ReadDeadlines::closedCount)
                .description("connections closed because a request was not read within the read timeout")
                .register(registry);
        FunctionCounter.builder("sessionstore.edge.listener.restarts", watchdog, ListenerWatchdog::restartCount)
                .description("web servers started because the listener had stopped accepting")
                .register(registry);
    }

    /** Stops the web server (in-flight requests finish) and the edge's timers. */
    @Override
    public void close() {
        try {
            watchdog.close();
        } finally {
            deadlines.close();
        }
    }
}
