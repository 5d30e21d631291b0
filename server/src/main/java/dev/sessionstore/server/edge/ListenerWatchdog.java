package dev.sessionstore.server.edge;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the port accepting connections. Helidon 4.5's accept loop ({@code ServerListener.listen}) takes any failed
 * {@code accept} for the end of the listener ("Got a throwable while listening, this server socket is terminating
 * now"): on "Too many open files" it closes the server socket and every connection, and its thread then waits for
 * itself forever ({@code stop()} joins the loop it is called from), while the {@link WebServer} still says it runs.
 * No setting changes that, and a listener cannot be restarted. The connection caps keep connections alone from using
 * up the descriptors; this watchdog covers the rest (descriptors taken by anything else): every {@link #PERIOD} it
 * connects to the port, and "connection refused" means nothing listens there any more. It then starts a new web
 * server on the same port with the same configuration, once the descriptor count shows room, retrying with back-off
 * (0.25 s doubling to 2 s). From the moment the port is found closed until the new server is bound,
 * {@link #listening()} is false (readiness, metrics); a readiness probe cannot reach the service then anyway (its
 * connection is refused, which orchestrators count as not ready). Each dead listener leaves its stuck thread behind
 * (Helidon's), one per restart.
 *
 * <p>Thread-safe.
 */
final class ListenerWatchdog implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(ListenerWatchdog.class);
    private static final int PROBE_TIMEOUT_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 2000;

    private final WebServerConfig config;
    private final InetSocketAddress probe;
    private final Probes probes;
    private final LongAdder restarts = new LongAdder();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sessionstore-listener-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile WebServer web;
    private volatile boolean listening = true;
    private volatile boolean closed;

    /**
     * @param config the configuration {@code web} was started with, its port the one {@code web} bound
     * @param web the running web server
     * @param probes where the probes' ports are told to the connection guard
     */
    ListenerWatchdog(WebServerConfig config, WebServer web, Probes probes) {
        this.config = config;
        this.web = web;
        this.probes = probes;
        this.probe = new InetSocketAddress(probeAddress(config.host()), config.port());
        timer.scheduleWithFixedDelay(this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the port accepts connections (as far as the last probe knows). */
    boolean listening() {
        return listening;
    }

    /** Web servers started to replace one whose listener had stopped, since start. */
    long restartCount() {
        return restarts.sum();
    }

    WebServer web() {
        return web;
    }

    private void check() {
        try {
            if (!refused()) {
                return;
            }
            listening = false;
            LOG.error(
                    "nothing accepts connections on port {} any more (Helidon's listener ended, typically out of file"
                            + " descriptors: see the error above); starting a new web server on it",
                    config.port());
            restart();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a failure must not end the watchdog (a scheduled task that throws is never run again)
            LOG.warn("the listener watchdog failed; it tries again", e);
        }
    }

    private void restart() throws InterruptedException {
        long backoff = 250;
        while (!closed) {
            if (descriptorsToSpare()) {
                Optional<WebServer> next = tryStart();
                if (next.isPresent()) {
                    WebServer old = web;
                    web = next.get();
                    listening = true;
                    restarts.increment();
                    old.stop(); // its listener is gone; this only marks it stopped and drops its shutdown hook
                    LOG.warn("listening again on port {}", config.port());
                    return;
                }
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private Optional<WebServer> tryStart() {
        try {
            WebServer next = WebServer.create(config).start();
            if (next.isRunning()) {
                return Optional.of(next);
            }
        } catch (RuntimeException e) {
            LOG.warn("starting a new web server on port {} failed; trying again", config.port(), e);
        }
        return Optional.empty();
    }

    /** Whether a new server can open its socket: each attempt that fails costs a thread in Helidon. */
    private static boolean descriptorsToSpare() {
        return DescriptorBudget.current()
                .map(b -> b.open() >= 0 && b.limit() - b.open() > DescriptorBudget.MIN_RESERVE / 2)
                .orElse(true);
    }

    /** True only when the connection is refused: nothing listens. A timeout or a local failure tells nothing. */
    private boolean refused() {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(probe.getAddress(), 0)); // the address the server will see
            probes.connecting((InetSocketAddress) s.getLocalSocketAddress());
            s.connect(probe, PROBE_TIMEOUT_MILLIS);
            return false;
        } catch (ConnectException e) {
            return e.getMessage() != null && e.getMessage().contains("refused");
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress probeAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        } catch (IOException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    /** Stops watching, then the web server (in-flight requests finish). */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        web.stop();
    }
}
