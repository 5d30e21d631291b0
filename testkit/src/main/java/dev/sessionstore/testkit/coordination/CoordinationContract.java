package dev.sessionstore.testkit.coordination;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.SchedulerOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract every coordination backend passes unchanged: fenced locks, cluster-wide scheduled jobs
 * and the shared circuit breaker. Each group is an interface of default test methods; this class runs
 * them all.
 *
 * <p>A backend's test extends this class and supplies instances that share one backend per test (a
 * fresh backend per test, or one shared by the test class: every test uses names of its own). Leases
 * and breaker windows end in real time, so a handful of tests each wait up to a few seconds.
 */
public abstract class CoordinationContract implements FencedLockContract, SchedulerContract, CircuitBreakerContract {

    private final List<Coordination> opened = new ArrayList<>();

    /** A new instance sharing the backend of every other instance of this test, on {@code clock}. */
    protected abstract Coordination newInstance(String instanceId, Clock clock, SchedulerOptions options);

    @Override
    public final Coordination openInstance(String instanceId, Clock clock, SchedulerOptions options) {
        Coordination instance = newInstance(instanceId, clock, options);
        opened.add(instance);
        return instance;
    }

    @AfterEach
    final void closeOpenedInstances() {
        opened.forEach(Coordination::close);
        opened.clear();
    }
}
