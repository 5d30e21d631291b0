package dev.sessionstore.server.edge;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * How many connections the process's descriptor limit ({@code ulimit -n}) can hold: the limit, less the
 * descriptors open at start (JDK, jars, store connections, log files), less a {@linkplain #reserve(long) reserve}
 * for what opens later (store reconnections, webhook calls, the embedded Redis's files, the JDK's pollers) and for
 * bursts. Each connection is one descriptor.
 *
 * @param limit the process's descriptor limit
 * @param open the descriptors open when measured
 */
record DescriptorBudget(long limit, long open) {
    /** The fewest descriptors kept free for everything but connections. */
    static final int MIN_RESERVE = 64;

    /** The most descriptors kept free for everything but connections. */
    static final int MAX_RESERVE = 1024;

    /** Set to {@code off} to skip the budget (tests of the listener watchdog use it to run out on purpose). */
    static final String GUARD_PROPERTY = "sessionstore.edge.descriptorGuard";

    /** This process's budget; empty where the JDK cannot tell (not a Unix) or the guard is switched off. */
    static Optional<DescriptorBudget> current() {
        if ("off".equals(System.getProperty(GUARD_PROPERTY))
                || !(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os)) {
            return Optional.empty();
        }
        return Optional.of(new DescriptorBudget(os.getMaxFileDescriptorCount(), os.getOpenFileDescriptorCount()));
    }

    /** The connections this budget holds; at least 2, so that one can be served and one refused. */
    int connections() {
        return (int) Math.clamp(limit - open - reserve(limit), 2, Integer.MAX_VALUE);
    }

    /**
     * The descriptors kept free under {@code limit}: an eighth of it, 64 to 1,024 (128 under {@code ulimit -n 1024}).
     * Why not a flat 64: docs/server.md, "The edge, measured".
     */
    static long reserve(long limit) {
        return Math.clamp(limit / 8, MIN_RESERVE, MAX_RESERVE);
    }
}
