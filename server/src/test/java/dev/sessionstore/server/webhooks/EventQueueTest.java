package dev.sessionstore.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void offer_whenFull_dropsOldestAndCountsIt() throws InterruptedException {
        EventQueue<Integer> q = new EventQueue<>(3);
        for (int i = 1; i <= 5; i++) {
            q.offer(i);
        }
        assertThat(q.dropped()).isEqualTo(2);
        assertThat(q.size()).isEqualTo(3);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(q.poll(Duration.ZERO).orElseThrow());
        }
        assertThat(out).containsExactly(3, 4, 5);
        assertThat(q.poll(Duration.ZERO)).isEmpty();
    }

    @Test
    void poll_waitsForAnOffer() throws Exception {
        EventQueue<String> q = new EventQueue<>(10);
        CountDownLatch polling = new CountDownLatch(1);
        var result = new java.util.concurrent.CompletableFuture<Optional<String>>();
        Thread.ofVirtual().start(() -> {
            polling.countDown();
            try {
                result.complete(q.poll(Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            }
        });
        polling.await();
        q.offer("x");
        assertThat(result.get()).contains("x");
    }

    @Test
    void offer_fromManyThreads_neverBlocksAndAccountsForEveryItem() throws InterruptedException {
        EventQueue<Integer> q = new EventQueue<>(100);
        int threads = 8;
        int each = 10_000;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    q.offer(i);
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        assertThat(q.size() + q.dropped()).isEqualTo((long) threads * each);
        assertThat(q.size()).isEqualTo(100);
    }

    @Test
    void capacity_outOfRange_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new EventQueue<>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue capacity");
    }
}
