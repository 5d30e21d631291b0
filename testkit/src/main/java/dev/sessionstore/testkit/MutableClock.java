package dev.sessionstore.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand. {@link #skewed(Duration)} gives a view that always reads this clock plus
 * a fixed offset, to play an instance whose clock is wrong. Thread-safe.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final Duration offset;

    private MutableClock(AtomicReference<Instant> now, Duration offset) {
        this.now = now;
        this.offset = offset;
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start)), Duration.ZERO);
    }

    /** A clock reading this one plus {@code skew}; moving either moves both. */
    public MutableClock skewed(Duration skew) {
        return new MutableClock(now, offset.plus(skew));
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    public void set(Instant t) {
        now.set(t.minus(offset));
    }

    @Override
    public Instant instant() {
        return Objects.requireNonNull(now.get(), "now").plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MutableClock is always UTC");
    }
}
