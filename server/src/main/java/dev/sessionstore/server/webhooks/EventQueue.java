package dev.sessionstore.server.webhooks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue that never blocks the producer: when full, {@link #offer} drops the oldest element and counts
 * it. Thread-safe.
 */
final class EventQueue<T> {
    private final int capacity;
    private final ArrayDeque<T> items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();

    EventQueue(int capacity) {
        if (capacity < 1 || capacity > 1_000_000) {
            throw new IllegalArgumentException("queue capacity must be in [1, 1000000]: " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Adds {@code item}; if the queue is full the oldest item is dropped first. Never blocks for long. */
    void offer(T item) {
        lock.lock();
        try {
            if (items.size() == capacity) {
                items.pollFirst();
                dropped.incrementAndGet();
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item, waiting up to {@code wait} for one. */
    Optional<T> poll(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return Optional.of(items.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many items were dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }
}
