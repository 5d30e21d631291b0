package dev.sessionstore.server.webhooks;

import dev.sessionstore.SessionEvent;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.redis.SessionEventConsumer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers session events to the webhook on one virtual thread, from one of two sources:
 *
 * <ul>
 *   <li>{@link #outbox}: the Redis store's durable outbox, read through the consumer group {@value #GROUP} that every
 *       instance shares. An event is acknowledged only once the receiver accepted it; one whose delivery failed, or
 *       whose instance died before acknowledging it, is delivered again (by whichever instance polls after the
 *       group's claim time): at least once, receivers deduplicate by the event's {@code id}.
 *   <li>{@link #http}: a bounded in-memory queue fed by {@link #publish} (the stores without an outbox). {@link
 *       #publish} never blocks (a full queue drops its oldest event and counts it); events still queued when the
 *       process stops are lost.
 * </ul>
 *
 * Every attempt first asks the shared breaker; a refused or failed attempt waits with exponential backoff and jitter,
 * up to the policy's attempts, then the event is given up for now and counted. Thread-safe.
 */
public final class WebhookDispatcher implements SessionEventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** The consumer group of the webhook, shared by every instance. */
    public static final String GROUP = "webhook";
    /** About how many events one poll of the outbox takes. */
    private static final int POLL_MAX = 32;

    private static final Duration IDLE_WAIT = Duration.ofMillis(100);
    /** How long a backlog read (256 XINFO GROUPS) serves {@link #stats()}. */
    private static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(1);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final EventQueue<SessionEvent> queue;
    private final @Nullable SessionEventConsumer outbox;
    private final LongSupplier outboxBacklog;
    /** The last backlog read and when (nanoTime): a metrics scrape reads {@link #stats()} once per gauge. */
    private volatile long backlog;

    private volatile long backlogReadAt = System.nanoTime() - BACKLOG_MAX_AGE.toNanos();
    private final Duration claimAfter;
    private volatile long lastOutboxWarning;
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
        this(config, transport, breaker, sleeper, random, null, () -> 0);
    }

    private WebhookDispatcher(
            WebhookConfig config,
            WebhookTransport transport,
            CircuitBreaker breaker,
            Sleeper sleeper,
            RandomGenerator random,
            @Nullable SessionEventConsumer outbox,
            LongSupplier outboxBacklog) {
        this.queue = new EventQueue<>(config.queueCapacity());
        this.outbox = outbox;
        this.outboxBacklog = outboxBacklog;
        this.claimAfter = config.claimAfter();
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

    /**
     * A dispatcher posting over HTTP the events of the Redis store's outbox, read with {@code consumer} (of the group
     * {@value #GROUP}); {@code backlog} says how many the group has not acknowledged. {@link #publish} is not used.
     */
    public static WebhookDispatcher outbox(
            WebhookConfig config, CircuitBreaker breaker, SessionEventConsumer consumer, LongSupplier backlog) {
        return new WebhookDispatcher(
                config,
                new HttpWebhookTransport(config),
                breaker,
                d -> Thread.sleep(d),
                RandomGenerator.getDefault(),
                consumer,
                backlog);
    }

    /** Starts the delivery thread. Idempotent. */
    public synchronized WebhookDispatcher start() {
        if (worker == null && !closed.get()) {
            worker = Thread.ofVirtual().name("webhook-dispatcher").start(this::loop);
        }
        return this;
    }

    /** Queues an event of a store without an outbox. */
    @Override
    public void publish(SessionEvent event) {
        if (outbox != null) {
            throw new IllegalStateException("this dispatcher delivers the store's outbox: nothing is published to it");
        }
        if (!closed.get()) {
            queue.offer(event);
        }
    }

    private void loop() {
        try {
            while (!closed.get()) {
                if (outbox == null) {
                    var next = queue.poll(Duration.ofMillis(200));
                    if (next.isPresent()) {
                        deliver(next.get());
                    }
                } else {
                    deliverOutbox(outbox);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One poll of the outbox: each event delivered is acknowledged; the others come back after the claim time. */
    private void deliverOutbox(SessionEventConsumer consumer) throws InterruptedException {
        List<SessionEvent> batch;
        try {
            batch = consumer.poll(POLL_MAX);
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastOutboxWarning > Duration.ofSeconds(30).toNanos()) {
                lastOutboxWarning = now;
                LOG.warn("webhook: cannot read the event outbox, trying again: {}", e.toString());
            }
            Thread.sleep(1000);
            return;
        }
        if (batch.isEmpty()) {
            Thread.sleep(IDLE_WAIT.toMillis());
            return;
        }
        long readAt = System.nanoTime();
        for (SessionEvent event : batch) {
            if (closed.get() || System.nanoTime() - readAt > claimAfter.toNanos() / 2) {
                // the rest stays pending: claimed after claimAfter by an instance (this one included), so a slow
                // receiver does not have it delivered twice, by this instance and by one that took it over
                return;
            }
            if (deliver(event)) {
                try {
                    consumer.ack(List.of(event));
                } catch (RuntimeException e) {
                    LOG.debug("webhook: acknowledging {} failed, it will be delivered again: {}", event.id(), e);
                }
            }
        }
    }

    /** Delivers one event with retries; returns whether the receiver accepted it. */
    boolean deliver(SessionEvent event) throws InterruptedException {
        String json = EventJson.toJson(event);
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
        LOG.warn(
                "webhook: gave up a {} event after {} attempts{}",
                event.type().wireName(),
                retry.maxAttempts(),
                outbox == null ? "" : " for now; the outbox delivers it again after the claim time");
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
                outbox == null ? queue.size() : outboxBacklog(),
                queue.dropped(),
                delivered.get(),
                givenUp.get(),
                failedAttempts.get(),
                refusedAttempts.get());
    }

    /** The outbox's backlog, read from Redis at most once per {@link #BACKLOG_MAX_AGE}. */
    private long outboxBacklog() {
        long now = System.nanoTime();
        if (now - backlogReadAt >= BACKLOG_MAX_AGE.toNanos()) {
            backlog = outboxBacklog.getAsLong();
            backlogReadAt = now;
        }
        return backlog;
    }

    /**
     * @param queued events waiting (with the outbox: those the group has not acknowledged, all instances)
     * @param dropped events dropped because the queue was full
     * @param delivered events the receiver accepted
     * @param givenUp events abandoned after the last attempt
     * @param failedAttempts attempts that reached the receiver (or tried to) and failed
     * @param refusedAttempts attempts the breaker refused
     */
    public record Stats(
            long queued, long dropped, long delivered, long givenUp, long failedAttempts, long refusedAttempts) {}

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
