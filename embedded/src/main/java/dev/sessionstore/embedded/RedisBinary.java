package dev.sessionstore.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds a {@code redis-server} executable. The choice comes from the system property {@value #PROPERTY}, else
 * the environment variable {@value #ENV}: {@code bundled} (the binary bundled by {@code embedded-redis}, Redis
 * 6.2), {@code path} (the first {@code redis-server} on the {@code PATH}, none is an error) or the path of an
 * executable. Unset: the first {@code redis-server} on the {@code PATH}, else the bundled binary. The bundled
 * binary is extracted once per JVM to a temporary directory that a shutdown hook removes. Each distinct choice
 * is logged once (INFO), so a build log shows which Redis its tests ran on. Thread-safe.
 */
public final class RedisBinary {
    /** The system property that chooses the binary: {@code bundled}, {@code path} or an executable's path. */
    public static final String PROPERTY = "sessionstore.redis";
    /** The environment variable read when {@link #PROPERTY} is unset; same values. */
    public static final String ENV = "SESSIONSTORE_REDIS_SERVER";

    private static final System.Logger LOG = System.getLogger(RedisBinary.class.getName());
    private static final Set<Path> LOGGED = ConcurrentHashMap.newKeySet();
    private static volatile @Nullable Path extracted;

    private RedisBinary() {}

    /**
     * The executable to run, as configured (see the class comment).
     *
     * @throws IllegalStateException if the configured binary does not exist, or none can be found for this platform
     */
    public static Path locate() {
        String property = System.getProperty(PROPERTY, "").trim();
        String setting = property.isEmpty() ? "$" + ENV : "-D" + PROPERTY;
        String value = property.isEmpty()
                ? Optional.ofNullable(System.getenv(ENV)).orElse("").trim()
                : property;
        Choice choice = value.isEmpty() ? byDefault() : configured(setting, value);
        if (LOGGED.add(choice.binary())) {
            LOG.log(System.Logger.Level.INFO, "redis-server: {0} ({1})", choice.binary(), choice.source());
        }
        return choice.binary();
    }

    /** A binary and where it came from, for the log. */
    private record Choice(Path binary, String source) {}

    private static Choice byDefault() {
        return onPath().map(p -> new Choice(p, "the first on the PATH"))
                .orElseGet(() -> new Choice(bundled(), bundledDescription()));
    }

    private static Choice configured(String setting, String value) {
        return switch (value) {
            case "bundled" -> new Choice(bundled(), bundledDescription() + ", as " + setting + " asks");
            case "path" ->
                new Choice(
                        onPath().orElseThrow(() ->
                                new IllegalStateException(setting + "=path but no redis-server is on the PATH")),
                        "the first on the PATH, as " + setting + " asks");
            default -> {
                Path binary = Path.of(value);
                if (!Files.isExecutable(binary)) {
                    throw new IllegalStateException(setting + "=" + value + " is not an executable file");
                }
                yield new Choice(binary, "from " + setting);
            }
        };
    }

    private static String bundledDescription() {
        return "bundled by embedded-redis: " + bundledResourceName();
    }

    /** The first executable {@code redis-server} on the {@code PATH}. */
    public static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The binary bundled by {@code embedded-redis} for this platform, extracted to a temporary directory that is
     * removed when the JVM exits.
     */
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
            ExitCleanup.register(() -> ExitCleanup.deleteRecursively(dir));
            Path target = dir.resolve("redis-server");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
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
