package dev.sessionstore.coordination;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job is due. Slots are computed from the schedule alone, so every instance names the same
 * slots whatever its clock says.
 */
public sealed interface Schedule permits Schedule.Cron, Schedule.FixedRate {

    /** The first slot strictly after {@code t}, empty if there is none. */
    Optional<Instant> nextAfter(Instant t);

    /** The latest slot in {@code (after, atOrBefore]}, empty if there is none. */
    default Optional<Instant> latestIn(Instant after, Instant atOrBefore) {
        Optional<Instant> latest = Optional.empty();
        Optional<Instant> next = nextAfter(after);
        while (next.isPresent() && !next.get().isAfter(atOrBefore)) {
            latest = next;
            next = nextAfter(next.get());
        }
        return latest;
    }

    /** A shortest distance between two slots, used for default grace and claim retention. */
    Duration minimumPeriod();

    static Schedule cron(String expression) {
        return new Cron(CronExpression.parse(expression), ZoneOffset.UTC);
    }

    static Schedule cron(String expression, ZoneId zone) {
        return new Cron(CronExpression.parse(expression), zone);
    }

    /** Slots at every multiple of {@code period} since the epoch. */
    static Schedule fixedRate(Duration period) {
        return new FixedRate(period, Instant.EPOCH);
    }

    /** A five-field cron schedule evaluated in {@code zone}. */
    record Cron(CronExpression expression, ZoneId zone) implements Schedule {
        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Optional<Instant> nextAfter(Instant t) {
            return expression.nextAfter(t.atZone(zone)).map(z -> z.toInstant());
        }

        @Override
        public Duration minimumPeriod() {
            return Duration.ofMinutes(1);
        }
    }

    /** Slots at {@code origin + k * period} for every integer k. */
    record FixedRate(Duration period, Instant origin) implements Schedule {
        public FixedRate {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(origin, "origin");
            if (period.toMillis() < 1) {
                throw new IllegalArgumentException("period must be at least 1ms: " + period);
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant t) {
            long p = period.toMillis();
            long k = Math.floorDiv(t.toEpochMilli() - origin.toEpochMilli(), p) + 1;
            return Optional.of(origin.plusMillis(k * p));
        }

        @Override
        public Optional<Instant> latestIn(Instant after, Instant atOrBefore) {
            long p = period.toMillis();
            long k = Math.floorDiv(atOrBefore.toEpochMilli() - origin.toEpochMilli(), p);
            Instant latest = origin.plusMillis(k * p);
            return latest.isAfter(after) ? Optional.of(latest) : Optional.empty();
        }

        @Override
        public Duration minimumPeriod() {
            return period;
        }
    }
}
