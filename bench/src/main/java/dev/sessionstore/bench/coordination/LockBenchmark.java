package dev.sessionstore.bench.coordination;

import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LockOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Fenced lock acquire + release per second, in memory vs over Redis (one lock name, one thread). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
// JMH sets the @Param field and calls the @Setup method before any benchmark method
@SuppressWarnings("NullAway.Init")
public class LockBenchmark {
    private static final LockOptions LEASE = LockOptions.lease(Duration.ofSeconds(10));

    @Param({"memory", "redis"})
    public String backend;

    private CoordinationBackend coordination;

    @Setup(Level.Trial)
    public void start() {
        coordination = CoordinationBackend.start(backend);
    }

    @TearDown(Level.Trial)
    public void stop() {
        coordination.close();
    }

    @Benchmark
    public long acquireRelease() {
        try (FencedLease lease =
                coordination.coordination().locks().tryAcquire("bench", LEASE).orElseThrow()) {
            return lease.fence();
        }
    }
}
