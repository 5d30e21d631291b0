package dev.sessionstore.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Clean-ups that must happen at the latest when the JVM exits (temporary directories, child processes): one
 * shutdown hook runs whatever is still registered. {@code File.deleteOnExit} is no substitute: it cannot delete
 * a directory that is not empty.
 */
final class ExitCleanup {
    private static final Set<Runnable> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::runAll, "sessionstore-exit-cleanup"));
    }

    private ExitCleanup() {}

    /** Runs {@code cleanup} when the JVM exits, unless {@link #unregister} is called first. */
    static void register(Runnable cleanup) {
        PENDING.add(cleanup);
    }

    static void unregister(Runnable cleanup) {
        PENDING.remove(cleanup);
    }

    private static void runAll() {
        for (Runnable cleanup : PENDING) {
            try {
                cleanup.run();
            } catch (RuntimeException ignored) {
                // the JVM is exiting: the next clean-up still runs
            }
        }
    }

    /** Deletes {@code dir} with its contents; best effort (a file that cannot be deleted stays). */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: a temporary directory
        }
    }
}
