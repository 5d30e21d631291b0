package dev.sessionstore.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * The command-line flags every browser test starts Chromium with: headless, no sandbox (CI runs as root), and none of
 * the background connections that a machine with a closed network refuses (Chromium would retry them throughout).
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /** Flags for one browser with its own profile directory and window size. */
    public static List<String> arguments(Path profile, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }
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
}
