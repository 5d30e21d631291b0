package dev.sessionstore.server.jobs;

import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.Schedule;
import dev.sessionstore.coordination.Scheduler;
import dev.sessionstore.redis.RedisSessionEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's maintenance jobs, registered on the cluster-wide scheduler so each slot runs on one instance only:
 * {@value #STATS} measures the store and leaves the figures on the {@link StatsBoard}; {@value #EXPIRY} (only with
 * the Redis store's event outbox) writes the {@code expired} events of the sessions whose expiry has passed ({@link
 * RedisSessionEvents#expireDue()}: the expiry-ordered timers, no keyspace scan), every upkeep interval (1 s by
 * default, so an event is at most about that late).
 */
public final class MaintenanceJobs {
    public static final String STATS = "server-stats";
    public static final String EXPIRY = "session-expiry";
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJobs.class);

    private MaintenanceJobs() {}

    /** Registers the jobs and returns their names. */
    static List<String> register(
            Scheduler scheduler,
            MaintenanceOptions options,
            StatsSource source,
            StatsBoard board,
            Optional<RedisSessionEvents> events,
            Clock clock) {
        List<String> names = new ArrayList<>();
        scheduler.register(JobDefinition.of(STATS, Schedule.fixedRate(options.statsInterval()), ctx -> {
            StoreStats stats = source.measure(clock.instant(), ctx.instanceId(), ctx.fence());
            ctx.lease().check();
            board.put(stats);
        }));
        names.add(STATS);
        events.ifPresent(e -> {
            scheduler.register(JobDefinition.of(EXPIRY, Schedule.fixedRate(options.upkeepInterval()), ctx -> {
                int n = e.expireDue();
                if (n > 0) {
                    LOG.debug("{}: {} session(s) expired", EXPIRY, n);
                }
            }));
            names.add(EXPIRY);
        });
        return List.copyOf(names);
    }
}
