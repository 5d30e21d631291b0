package dev.sessionstore.server.webhooks;

import dev.sessionstore.coordination.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers session events to the webhook from a bounded in-memory queue, on one virtual thread. {@link #publish}
 * never blocks (a full queue drops its oldest event and counts it). Every attempt first asks the shared breaker;
 * a refused or failed attempt waits with exponential backoff and jitter, up to the policy's attempts, then the
 * event is given up and counted. Events still queued when the dispatcher is closed are lost. Thread-safe.
 */
public final class WebhookDispatcher implements SessionEventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final EventQueue<SessionEvent> queue;
    private final WebhookTransport transport;
    private final CircuitBreaker breaker;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong refusedAttempts = new AtomicLong();
    private volatile @Nullable Thread worker;

    WebhookDispatcher(
            WebhookConfig config,
            WebhookTransport transport,
            CircuitBreaker breaker,
            Sleeper sleeper,
            RandomGenerator random) {
        this.queue = new EventQueue<>(config.queueCapacity());
        this.transport = Objects.requireNonNull(transport, "transport");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.retry = config.retry();
        this.sleeper = sleeper;
        this.random = random;
    }

    /** A dispatcher posting over HTTP, guarded by {@code breaker}; call {@link #start()} to begin delivering. */
    public static WebhookDispatcher http(WebhookConfig config, CircuitBreaker breaker) {
        return new WebhookDispatcher(
                config, new HttpWebhookTransport(config), breaker, d -> Thread.sleep(d), RandomGenerator.getDefault());
    }

    /** Starts the delivery thread. Idempotent. */
    public synchronized WebhookDispatcher start() {
        if (worker == null && !closed.get()) {
            worker = Thread.ofVirtual().name("webhook-dispatcher").start(this::loop);
        }
        return this;
    }

    @Override
    public void publish(SessionEvent event) {
        if (!closed.get()) {
            queue.offer(event);
        }
    }

    private void loop() {
        try {
            while (!closed.get()) {
                var next = queue.poll(Duration.ofMillis(200));
                if (next.isPresent()) {
                    deliver(next.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers one event with retries; returns whether the receiver accepted it. */
    boolean deliver(SessionEvent event) throws InterruptedException {
        String json = event.toJson();
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt(json)) {
                delivered.incrementAndGet();
                return true;
            }
            if (attempt < retry.maxAttempts()) {
                sleeper.sleep(retry.delayAfter(attempt, random.nextDouble()));
            }
        }
        givenUp.incrementAndGet();
        LOG.warn("webhook: gave up a {} event after {} attempts", event.type().wireName(), retry.maxAttempts());
        return false;
    }

    private boolean attempt(String json) throws InterruptedException {
        if (!breaker.tryAcquirePermission()) {
            refusedAttempts.incrementAndGet();
            return false;
        }
        long start = System.nanoTime();
        boolean ok;
        try {
            ok = transport.post(json);
        } catch (IOException | RuntimeException e) {
            LOG.debug("webhook attempt failed: {}", e.toString());
            ok = false;
        }
        breaker.onResult(Duration.ofNanos(System.nanoTime() - start), ok);
        if (!ok) {
            failedAttempts.incrementAndGet();
        }
        return ok;
    }

    /** Counters for the admin page and metrics. */
    public Stats stats() {
        return new Stats(
                queue.size(),
                queue.dropped(),
                delivered.get(),
                givenUp.get(),
                failedAttempts.get(),
                refusedAttempts.get());
    }

    /**
     * @param queued events waiting
     * @param dropped events dropped because the queue was full
     * @param delivered events the receiver accepted
     * @param givenUp events abandoned after the last attempt
     * @param failedAttempts attempts that reached the receiver (or tried to) and failed
     * @param refusedAttempts attempts the breaker refused
     */
    public record Stats(
            int queued, long dropped, long delivered, long givenUp, long failedAttempts, long refusedAttempts) {}

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
