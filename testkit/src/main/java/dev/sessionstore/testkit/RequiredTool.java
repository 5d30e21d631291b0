package dev.sessionstore.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs that Maven cannot bring (a browser, an interpreter). {@link #require()} finds it at the
 * path given by its system property, else under one of its names on the {@code PATH}. When it is missing the
 * calling test is skipped (a JUnit assumption) with a message naming the Debian package to install, or, when
 * {@value #REQUIRE_PROPERTY}{@code =true} or {@code $}{@value #REQUIRE_ENV}{@code =true} is set (as CI does),
 * fails, so a machine that should have every tool never skips quietly.
 *
 * @param name what the tool is, for messages
 * @param property the system property that may give its path
 * @param debianPackages what {@code apt-get install} needs to bring it
 * @param executables the names looked up on the {@code PATH}, in order
 */
public record RequiredTool(String name, String property, String debianPackages, List<String> executables) {
    /** Set to {@code true} to turn a missing tool into a failure instead of a skip. */
    public static final String REQUIRE_PROPERTY = "sessionstore.requireTools";
    /** The environment variable with the same meaning as {@link #REQUIRE_PROPERTY}. */
    public static final String REQUIRE_ENV = "SESSIONSTORE_REQUIRE_TOOLS";

    /** The tools whose absence this JVM has printed (once each, as tests are skipped one by one). */
    private static final Set<RequiredTool> REPORTED = ConcurrentHashMap.newKeySet();

    /** Chromium for the browser test (Debian packages it with its driver). */
    public static final RequiredTool CHROMIUM = new RequiredTool(
            "Chromium",
            "sessionstore.chromium",
            "chromium chromium-driver",
            "chromium",
            "chromium-browser",
            "google-chrome");
    /** ChromeDriver, the WebDriver server matching {@link #CHROMIUM}. */
    public static final RequiredTool CHROMEDRIVER =
            new RequiredTool("ChromeDriver", "sessionstore.chromedriver", "chromium chromium-driver", "chromedriver");
    /** A redis-server built with TLS ({@code --tls-port}), as Debian's is. */
    public static final RequiredTool TLS_REDIS_SERVER = new RequiredTool(
            "a TLS-capable redis-server", "sessionstore.tlsRedisServer", "redis-server", "redis-server");
    /** Python 3, for code samples of the documentation that a test runs. */
    public static final RequiredTool PYTHON3 =
            new RequiredTool("python3", "sessionstore.python3", "python3", "python3");

    public RequiredTool {
        executables = List.copyOf(executables);
        if (executables.isEmpty()) {
            throw new IllegalArgumentException("executables must name at least one program: " + name);
        }
    }

    public RequiredTool(String name, String property, String debianPackages, String... executables) {
        this(name, property, debianPackages, List.of(executables));
    }

    /**
     * The tool's executable. Missing: aborts the calling test or class (skipped), or fails it when tools are
     * required. A path given by the property that is not executable always fails: it is a mistake, not an
     * absence.
     */
    public Path require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String message = missingMessage();
        if (toolsRequired()) {
            return Assertions.fail(message + " (" + REQUIRE_PROPERTY + " / " + REQUIRE_ENV
                    + " is set: a missing tool fails the test)");
        }
        if (REPORTED.add(this)) {
            System.err.println("SKIPPED: " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /**
     * The tool was found but cannot do what the test needs ({@code why}, for example a redis-server built without
     * TLS): skips the calling test loudly, or fails it when tools are required, as a missing tool would.
     */
    public void unusable(String why) {
        String message = name + " cannot be used: " + why + "; install one that can with `apt-get install "
                + debianPackages + "`";
        if (toolsRequired()) {
            Assertions.fail(message + " (" + REQUIRE_PROPERTY + " / " + REQUIRE_ENV
                    + " is set: a missing tool fails the test)");
        }
        if (REPORTED.add(this)) {
            System.err.println("SKIPPED: " + message);
        }
        Assumptions.abort(message);
    }

    /** The executable if present: from the property (checked), else the first of the names on the PATH. */
    public Optional<Path> find() {
        String configured = System.getProperty(property, "").trim();
        if (!configured.isEmpty()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                return Assertions.fail("-D" + property + "=" + configured + " is not an executable file");
            }
            return Optional.of(path);
        }
        return executables.stream().flatMap(e -> onPath(e).stream()).findFirst();
    }

    /** Whether a missing tool fails the test rather than skipping it. */
    public static boolean toolsRequired() {
        return Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "").trim())
                || Boolean.parseBoolean(Optional.ofNullable(System.getenv(REQUIRE_ENV))
                        .orElse("")
                        .trim());
    }

    String missingMessage() {
        return name + " not found (looked for " + String.join(", ", executables) + " on the PATH and -D" + property
                + "=<path>): install it with `apt-get install " + debianPackages + "`";
    }

    private static Optional<Path> onPath(String executable) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
