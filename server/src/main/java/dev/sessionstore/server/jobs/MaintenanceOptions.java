package dev.sessionstore.server.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the maintenance jobs run (fixed-rate slots, the same on every instance).
 *
 * @param statsInterval the statistics job (live sessions, memory per session)
 * @param upkeepInterval the expired-session job (the lateness of {@code expired} events)
 */
public record MaintenanceOptions(Duration statsInterval, Duration upkeepInterval) {
    public MaintenanceOptions {
        check("stats-interval", statsInterval);
        check("upkeep-interval", upkeepInterval);
    }

    /** Statistics every 30 s, upkeep every second. */
    public static MaintenanceOptions defaults() {
        return new MaintenanceOptions(Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    private static void check(String setting, Duration d) {
        Objects.requireNonNull(d, setting);
        if (d.toMillis() < 100 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(setting + " must be in [100ms, 1d]: " + d);
        }
    }
}
