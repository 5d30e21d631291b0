package dev.sessionstore.bench;

import java.io.PrintStream;
import java.time.Duration;

/** Prints one line per step with the elapsed time and an estimate of the time left. */
final class Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final int total;
    private int done;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Reports a step that has just finished. */
    synchronized void step(String what) {
        done++;
        long elapsed = System.nanoTime() - start;
        long eta = done == 0 ? 0 : elapsed / done * (total - done);
        out.printf("[%3d/%d] %-78s elapsed %s, ETA %s%n", done, total, what, format(elapsed), format(eta));
        out.flush();
    }

    /** A line that is not a counted step. */
    synchronized void note(String what) {
        out.println("        " + what);
        out.flush();
    }

    static String format(long nanos) {
        Duration d = Duration.ofNanos(Math.max(0, nanos));
        return d.toMinutes() > 0 ? "%dm%02ds".formatted(d.toMinutes(), d.toSecondsPart()) : d.toSeconds() + "s";
    }
}
