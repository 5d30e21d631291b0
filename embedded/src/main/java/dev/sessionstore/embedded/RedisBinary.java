package dev.sessionstore.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds a {@code redis-server} executable: {@code $SESSIONSTORE_REDIS_SERVER} if set, else the first
 * {@code redis-server} on the {@code PATH}, else the binary bundled in the {@code embedded-redis}
 * artifact for this platform, extracted once per JVM to a temporary directory.
 */
public final class RedisBinary {
    private static volatile @Nullable Path extracted;

    private RedisBinary() {}

    /** The executable to run. @throws IllegalStateException if none can be found for this platform */
    public static Path locate() {
        String configured = System.getenv("SESSIONSTORE_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return onPath().orElseGet(RedisBinary::bundled);
    }

    /** The first executable {@code redis-server} on the {@code PATH}. */
    public static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The binary bundled by {@code embedded-redis} for this platform, extracted to a temporary file. */
    public static synchronized Path bundled() {
        if (extracted != null) {
            return extracted;
        }
        String resource = bundledResourceName();
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "embedded-redis does not bundle " + resource + "; install redis-server");
            }
            Path dir = Files.createTempDirectory("sessionstore-redis");
            Path target = dir.resolve("redis-server");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            target.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            extracted = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled redis-server", e);
        }
    }

    static String bundledResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("no bundled redis-server for " + os + "/" + arch + "; install redis-server");
    }
}
