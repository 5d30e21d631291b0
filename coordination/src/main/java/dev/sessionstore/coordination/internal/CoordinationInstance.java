package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.CircuitBreakers;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLocks;
import dev.sessionstore.coordination.Names;
import dev.sessionstore.coordination.Scheduler;
import dev.sessionstore.coordination.SchedulerOptions;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One instance wired over three backends; owns the timer thread(s). Not API. */
public final class CoordinationInstance implements Coordination {
    private final String instanceId;
    private final ScheduledExecutorService timer;
    private final Leases locks;
    private final SlotScheduler scheduler;
    private final SharedBreakers breakers;
    private final Runnable onClose;

    public CoordinationInstance(
            String instanceId,
            Clock clock,
            SchedulerOptions options,
            LeaseBackend leases,
            JobBackend jobs,
            BreakerBackend breakerBackend,
            Runnable onClose) {
        this.instanceId = Names.check("instanceId", instanceId);
        this.timer = Executors.newScheduledThreadPool(
                4,
                Thread.ofPlatform()
                        .daemon()
                        .name("coordination-" + instanceId + "-", 0)
                        .factory());
        this.locks = new Leases(leases, instanceId, clock, timer);
        this.scheduler = new SlotScheduler(jobs, locks, instanceId, clock, options, timer);
        this.breakers = new SharedBreakers(breakerBackend, instanceId, clock, timer);
        this.onClose = onClose;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public FencedLocks locks() {
        return locks;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public CircuitBreakers breakers() {
        return breakers;
    }

    @Override
    public void close() {
        scheduler.stop();
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }
}
