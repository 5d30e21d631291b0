package dev.sessionstore.server;

import io.helidon.logging.common.spi.LoggingProvider;

/**
 * Tells Helidon that logging is configured: the server logs through SLF4J (Logback, {@code logback.xml}), and
 * {@link Main} routes {@code java.util.logging}, which Helidon writes to, into SLF4J before anything logs. Without a
 * provider Helidon prints "There is no Helidon logging implementation on classpath" at start; Helidon's own JUL
 * provider would instead re-read a {@code logging.properties} from the working directory and could drop that route.
 * Registered in {@code META-INF/services}.
 */
public final class Slf4jLogging implements LoggingProvider {
    /** For {@link java.util.ServiceLoader}. */
    public Slf4jLogging() {}

    @Override
    public void initialization() {
        // nothing to do: Main installed the java.util.logging -> SLF4J bridge
    }

    @Override
    public void runTime() {
        // nothing to do, as above (only called in a native image)
    }
}
