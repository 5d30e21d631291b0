package dev.sessionstore.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.SessionEvent;
import dev.sessionstore.SessionToken;
import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.memory.InMemoryCoordination;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));
    private final WebhookConfig config = WebhookConfig.of(URI.create("http://127.0.0.1:9/hook"))
            .withRetry(RETRY)
            .withQueueCapacity(4);
    private final Coordination coordination =
            InMemoryCoordination.create(Clock.systemUTC()).instance("test-1");
    private final CircuitBreaker breaker = coordination
            .breakers()
            .breaker(
                    WebhookConfig.BREAKER,
                    BreakerConfig.defaults().withMinimumCalls(1000).withPublishInterval(Duration.ofMillis(10)));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        coordination.close();
    }

    private WebhookDispatcher dispatcher(WebhookTransport transport) {
        return new WebhookDispatcher(config, transport, breaker, sleeps::add, RandomGenerator.of("L64X128MixRandom"));
    }

    private static SessionEvent event(String user) {
        return new SessionEvent(
                UUID.randomUUID().toString(),
                SessionEvent.Type.CREATED,
                SessionToken.generate(user).id(),
                Optional.empty(),
                Optional.of(user),
                Instant.now(),
                List.of());
    }

    @Test
    void deliver_failingReceiver_retriesWithGrowingBackoffThenGivesUp() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        WebhookDispatcher d = dispatcher(json -> {
            calls.incrementAndGet();
            return false;
        });
        assertThat(d.deliver(event("alice"))).isFalse();
        assertThat(calls).hasValue(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(d.stats().givenUp()).isEqualTo(1);
        assertThat(d.stats().failedAttempts()).isEqualTo(3);
    }

    @Test
    void deliver_receiverThrowing_countsAsAFailedAttempt() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        WebhookDispatcher d = dispatcher(json -> {
            if (calls.incrementAndGet() == 1) {
                throw new java.io.IOException("connection refused");
            }
            return true;
        });
        assertThat(d.deliver(event("bob"))).isTrue();
        assertThat(calls).hasValue(2);
        assertThat(sleeps).hasSize(1);
        assertThat(d.stats().delivered()).isEqualTo(1);
        assertThat(d.stats().failedAttempts()).isEqualTo(1);
    }

    @Test
    void deliver_breakerForcedOpen_neverCallsTheReceiver() throws InterruptedException {
        coordination.breakers().force(WebhookConfig.BREAKER, BreakerForce.FORCE_OPEN);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.state() == BreakerState.FORCED_OPEN);
        AtomicInteger calls = new AtomicInteger();
        WebhookDispatcher d = dispatcher(json -> {
            calls.incrementAndGet();
            return true;
        });
        assertThat(d.deliver(event("carol"))).isFalse();
        assertThat(calls).hasValue(0);
        assertThat(d.stats().refusedAttempts()).isEqualTo(3);
    }

    @Test
    void publish_whileTheReceiverHangs_neverBlocksAndDropsTheOldest() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        try (WebhookDispatcher d = dispatcher(json -> {
                    entered.countDown();
                    release.await();
                    received.add(json);
                    return true;
                })
                .start()) {
            d.publish(event("first"));
            entered.await();
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                d.publish(event("user" + i));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(d.stats().dropped()).isEqualTo(6);
            assertThat(d.stats().queued()).isEqualTo(4);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> d.stats().delivered() == 5);
            assertThat(received).hasSize(5);
            assertThat(received.get(0)).contains("\"userId\":\"first\"");
            assertThat(received.get(1)).contains("\"userId\":\"user6\"");
            assertThat(received.get(4)).contains("\"userId\":\"user9\"");
        }
    }
}
