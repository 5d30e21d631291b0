package dev.sessionstore.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One {@code redis-server} child process bound to 127.0.0.1. It can be stopped gracefully ({@link
 * #stop()}: {@code SHUTDOWN}, which flushes the AOF), killed ({@link #kill()}: SIGKILL) and started again
 * on the same port and data directory ({@link #start()}). Thread-safe.
 */
public final class RedisServerProcess implements AutoCloseable {
    /** How the server persists. */
    public enum Persistence {
        /** Nothing on disk. */
        NONE,
        /**
         * RDB snapshots at Redis's default save points ({@value #RDB_SAVE_POINTS}: after 1 hour if 1 key changed, 5
         * minutes if 100, 1 minute if 10,000), no AOF: a crash loses the writes since the last snapshot.
         */
        RDB,
        /** AOF, fsync once a second. */
        AOF_EVERYSEC,
        /** AOF, fsync on every write. */
        AOF_ALWAYS
    }

    /** The RDB save points of {@link Persistence#RDB}: Redis 7's defaults. */
    public static final String RDB_SAVE_POINTS = "3600 1 300 100 60 10000";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path binary;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final Persistence persistence;
    private final List<String> extraArgs;
    private final int port;
    private final boolean sentinel;
    private final Runnable exitCleanup = this::killAndDeleteDataDir;
    private volatile @Nullable Process process;

    private RedisServerProcess(
            Path dataDir, boolean ownsDataDir, Persistence persistence, int port, List<String> extraArgs) {
        this(dataDir, ownsDataDir, persistence, port, extraArgs, false);
    }

    private RedisServerProcess(
            Path dataDir,
            boolean ownsDataDir,
            Persistence persistence,
            int port,
            List<String> extraArgs,
            boolean sentinel) {
        this.sentinel = sentinel;
        this.binary = RedisBinary.locate();
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.persistence = persistence;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        if (ownsDataDir) {
            ExitCleanup.register(exitCleanup);
        }
    }

    /**
     * Starts a server with no persistence on a free port, in a temporary directory removed on close (or, if
     * never closed, killed and removed when the JVM exits).
     */
    public static RedisServerProcess startEphemeral(String... extraArgs) {
        try {
            Path dir = Files.createTempDirectory("sessionstore-redis-data");
            RedisServerProcess p = new RedisServerProcess(dir, true, Persistence.NONE, freePort(), List.of(extraArgs));
            try {
                p.start();
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a Redis Sentinel ({@code redis-server sentinel.conf --sentinel}) on a free port, its configuration file
     * (which Sentinel rewrites as it learns) holding {@code configLines}, for example {@code sentinel monitor m
     * 127.0.0.1 6379 2}, in a temporary directory removed on close (or, if never closed, when the JVM exits).
     */
    public static RedisServerProcess startSentinel(List<String> configLines) {
        try {
            Path dir = Files.createTempDirectory("sessionstore-sentinel");
            Files.write(dir.resolve("sentinel.conf"), configLines);
            RedisServerProcess p = new RedisServerProcess(dir, true, Persistence.NONE, freePort(), List.of(), true);
            try {
                p.start();
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server keeping its data in {@code dataDir}; not started yet.
     *
     * @param port the port, or 0 for a free one
     */
    public static RedisServerProcess create(Path dataDir, Persistence persistence, int port, List<String> extraArgs) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(persistence, "persistence");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        return new RedisServerProcess(dataDir, false, persistence, port == 0 ? freePort() : port, extraArgs);
    }

    /** Starts the server if it is not running and waits until it answers PING. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Process started = new ProcessBuilder(command())
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("redis-stdout.log").toFile())
                    .start();
            process = started;
            awaitReady(started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private List<String> command() {
        if (sentinel) {
            // the configuration file must be the first argument
            return List.of(
                    binary.toString(),
                    dataDir.resolve("sentinel.conf").toAbsolutePath().toString(),
                    "--sentinel",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    dataDir.toAbsolutePath().toString(),
                    "--daemonize",
                    "no",
                    "--logfile",
                    "redis.log");
        }
        List<String> cmd = new ArrayList<>(List.of(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dataDir.toAbsolutePath().toString(),
                "--daemonize",
                "no",
                "--logfile",
                "redis.log"));
        if (persistence != Persistence.RDB) {
            cmd.addAll(List.of("--save", ""));
        }
        switch (persistence) {
            case NONE -> cmd.addAll(List.of("--appendonly", "no"));
            case RDB -> {
                cmd.addAll(List.of("--appendonly", "no"));
                // "--save <seconds> <changes>" per point, each number its own argument: Redis 6.2 ignores a
                // quoted "3600 1" (and a single "--save" with every point), 6.2 and 7 append repeated points
                String[] points = RDB_SAVE_POINTS.split(" ");
                for (int i = 0; i < points.length; i += 2) {
                    cmd.addAll(List.of("--save", points[i], points[i + 1]));
                }
            }
            case AOF_EVERYSEC -> cmd.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec"));
            case AOF_ALWAYS -> cmd.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        }
        cmd.addAll(extraArgs);
        return cmd;
    }

    private void awaitReady(Process process) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server (" + binary + ") exited with " + process.exitValue()
                        + "; the end of " + dataDir.resolve("redis.log") + ":\n" + logTail());
            }
            String reply = sendQuietly("PING");
            if (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")) {
                return;
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not answer PING within " + START_TIMEOUT);
    }

    /** The last lines redis-server wrote, for an error message that outlives a removed data directory. */
    private String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String name : List.of("redis-stdout.log", "redis.log")) {
            try {
                List<String> lines = Files.readAllLines(dataDir.resolve(name));
                lines.subList(Math.max(0, lines.size() - 10), lines.size())
                        .forEach(l -> tail.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                // no such log yet
            }
        }
        return tail.toString();
    }

    /** Stops gracefully: {@code SHUTDOWN} (the AOF is flushed and fsynced), then waits for the exit. */
    public synchronized void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        if (sentinel) {
            running.destroy(); // SIGTERM: a Sentinel has nothing to flush
        } else {
            sendQuietly(persistence == Persistence.NONE ? "SHUTDOWN NOSAVE" : "SHUTDOWN");
        }
        waitFor(running, Duration.ofSeconds(30));
    }

    /** Kills the process with SIGKILL, as a crash would. */
    public synchronized void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            waitFor(running, Duration.ofSeconds(10));
        }
    }

    private static void waitFor(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Persistence persistence() {
        return persistence;
    }

    /** The OS process id, while running. */
    public synchronized long pid() {
        Process started = process;
        if (started == null) {
            throw new IllegalStateException("not started");
        }
        return started.pid();
    }

    /** Stops the server; removes its data directory if this object created it. */
    @Override
    public void close() {
        stop();
        if (ownsDataDir) {
            ExitCleanup.deleteRecursively(dataDir);
            ExitCleanup.unregister(exitCleanup);
        }
    }

    /** At JVM exit, for a server nobody closed: no lock taken, the JVM is going away. */
    private void killAndDeleteDataDir() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExitCleanup.deleteRecursively(dataDir);
    }

    /**
     * Sends one inline command and returns the first line of the reply, or an empty string if the
     * server cannot be reached. For readiness checks and shutdown, not for data.
     */
    public String sendQuietly(String inlineCommand) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** A TCP port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }
}
