package dev.sessionstore.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a POSIX signal to a process, for tests that pause ({@code STOP}) and resume ({@code CONT}) a server or a
 * child JVM. It runs the {@code kill} built into {@code /bin/sh}, so no {@code kill} program is needed on the
 * {@code PATH} (a bare machine has only the JDK and Maven there).
 */
public final class PosixSignals {
    private PosixSignals() {}

    /**
     * Sends {@code signal} (a name without {@code SIG}: {@code STOP}, {@code CONT}, {@code KILL}) to {@code pid}
     * and waits for it to be delivered.
     *
     * @throws IllegalStateException if the signal could not be sent (no such process, say)
     */
    public static void send(long pid, String signal) {
        if (!signal.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("signal must be a name such as STOP: " + signal);
        }
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + pid)
                    .inheritIO()
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + pid + " did not finish within 5 s");
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: exit " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run /bin/sh to send " + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to " + pid, e);
        }
    }
}
