package dev.sessionstore.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a browser test starts Chromium with: headless, no sandbox (CI runs as root), none of the background
 * connections that a machine with a closed network refuses (Chromium would retry them throughout), and a profile
 * directory of its own per browser, removed by {@link #close()}. The WebDriver itself stays with the test (this module
 * does not depend on Selenium).
 */
public final class HeadlessChromium implements AutoCloseable {
    private final List<Path> profiles = new ArrayList<>();

    /** Flags for one more browser, with a new empty profile and the given window size. */
    public synchronized List<String> arguments(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("sessionstore-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        return List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
    }

    /** Removes the profiles (best effort: call it after the browsers quit). */
    @Override
    public synchronized void close() {
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // best effort: a temporary directory
            }
        }
        profiles.clear();
    }
}
