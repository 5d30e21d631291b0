package dev.sessionstore.server.jobs;

import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.Schedule;
import dev.sessionstore.coordination.Scheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's maintenance jobs, registered on the cluster-wide scheduler so each slot runs on one instance only:
 * {@value #STATS} measures the store and leaves the figures on the {@link StatsBoard}; {@value #EXPIRY} (only with
 * a Redis) runs the {@link ExpiryScan}.
 */
public final class MaintenanceJobs {
    public static final String STATS = "server-stats";
    public static final String EXPIRY = "session-expiry-scan";
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJobs.class);

    private MaintenanceJobs() {}

    /** Registers the jobs and returns their names. */
    static List<String> register(
            Scheduler scheduler,
            MaintenanceOptions options,
            StatsSource source,
            StatsBoard board,
            Optional<ExpiryScan> scan,
            Clock clock) {
        List<String> names = new ArrayList<>();
        scheduler.register(JobDefinition.of(STATS, Schedule.fixedRate(options.statsInterval()), ctx -> {
            StoreStats stats = source.measure(clock.instant(), ctx.instanceId(), ctx.fence());
            ctx.lease().check();
            board.put(stats);
        }));
        names.add(STATS);
        scan.ifPresent(s -> {
            scheduler.register(JobDefinition.of(EXPIRY, Schedule.fixedRate(options.upkeepInterval()), ctx -> {
                int n = s.run(ctx);
                if (n > 0) {
                    LOG.info("{}: {} expired session(s) since the last run", EXPIRY, n);
                }
            }));
            names.add(EXPIRY);
        });
        return List.copyOf(names);
    }
}
