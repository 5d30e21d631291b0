package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a process under {@code ulimit -n 1024}, flooded with 1,100 idle connections, then the connections
 * closed: it answers again within 5 s. The limit is set by {@code /bin/sh} (by its absolute path: CI's bare run has
 * no shell on its PATH), which then {@code exec}s the JVM.
 */
@EnabledOnOs(OS.LINUX)
class DescriptorExhaustionIT {
    private static final int DESCRIPTOR_LIMIT = 1024;
    private static final int FLOOD = 1100;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    @TempDir
    Path dir;

    @Test
    void floodedPastTheDescriptorLimit_theServiceRefusesTheSurplus_andAnswersWithin5sOnceTheyClose() throws Exception {
        int port = freePort();
        Process server = start(port, List.of());
        try {
            awaitLive(port, Duration.ofSeconds(60));
            DescriptorPeak peak = DescriptorPeak.watch(server.pid());
            int connected;
            boolean live;
            try {
                connected = flood(port, () -> {});
                live = liveWithin(port, Duration.ofSeconds(5));
            } finally {
                peak.stop();
            }
            System.out.println("descriptors at most, under the flood: " + peak + " (limit " + DESCRIPTOR_LIMIT + ")");
            assertThat(connected).as("the surplus waits in the backlog").isEqualTo(FLOOD);
            assertThat(live).as("answers within 5 s").isTrue();

            String metrics = get(port, "/metrics").body();
            assertThat(metric(metrics, "sessionstore_edge_connections_max"))
                    .as("the cap was lowered to what 1,024 descriptors hold")
                    .isLessThan(DESCRIPTOR_LIMIT);
            assertThat(metric(metrics, "sessionstore_edge_connections_refused_total"))
                    .isPositive();
            assertThat(log())
                    .as("descriptors at most: %s", peak)
                    .contains("max-connections lowered from 10000")
                    .doesNotContain("terminating now");
        } finally {
            stop(server);
        }
    }

    /** With the descriptor guard off, accept runs out of descriptors: Helidon's listener ends, the watchdog restarts. */
    @Test
    void whenTheListenerRunsOutOfDescriptorsAnyway_aNewOneIsStarted_andTheServiceAnswersWithin5s() throws Exception {
        int port = freePort();
        Process server = start(port, List.of("-Dsessionstore.edge.descriptorGuard=off"));
        try {
            awaitLive(port, Duration.ofSeconds(60));
            flood(
                    port,
                    () -> await().atMost(Duration.ofSeconds(20))
                            .untilAsserted(() -> assertThat(log()).contains("Too many open files")));
            assertThat(liveWithin(port, Duration.ofSeconds(5)))
                    .as("answers within 5 s")
                    .isTrue();
            assertThat(log())
                    .as("Helidon's listener did end")
                    .contains("this server socket is terminating now")
                    .contains("listening again on port " + port);
            assertThat(metric(get(port, "/metrics").body(), "sessionstore_edge_listener_restarts_total"))
                    .isPositive();
        } finally {
            stop(server);
        }
    }

    /** Opens {@link #FLOOD} idle connections, runs {@code whileOpen}, closes them all; how many connected. */
    private static int flood(int port, Runnable whileOpen) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        int connected = 0;
        try {
            for (int i = 0; i < FLOOD; i++) {
                Socket s = new Socket();
                sockets.add(s);
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    connected++;
                } catch (IOException refusedOrTimedOut) {
                    // the listener has gone (the unguarded case): counted as not connected
                }
            }
            Thread.sleep(500);
            whileOpen.run();
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        return connected;
    }

    private Process start(int port, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "/bin/sh",
                "-c",
                "ulimit -n " + DESCRIPTOR_LIMIT + " && exec \"$@\"",
                "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--port",
                Integer.toString(port),
                "--store",
                "memory",
                "--data-dir",
                dir.resolve("data").toString(),
                "--api-key",
                TestServer.API_KEY,
                "--instance-id",
                "descriptors-it"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    private void stop(Process server) throws Exception {
        server.destroy();
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        System.out.println("--- server log (" + getClass().getSimpleName() + ") ---");
        log().lines().filter(l -> !l.isBlank()).limit(200).forEach(System.out::println);
    }

    private void awaitLive(int port, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(get(port, "/health/live").statusCode()).isEqualTo(200));
    }

    /** Whether /health/live answers 200 within {@code atMost}, polling every 100 ms. */
    private boolean liveWithin(int port, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/health/live").statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // refused, reset or timed out: not yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("metric %s in %s", name, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * The most descriptors a process held while watched (Linux: {@code /proc/PID/fd}, counted every few
     * milliseconds), and what they were at that moment (sockets, jars, pipes, …).
     */
    private static final class DescriptorPeak {
        private final Path fds;
        private final Thread sampler;
        private volatile boolean stopped;
        private int most;
        private String kinds = "{}";

        private DescriptorPeak(long pid) {
            this.fds = Path.of("/proc", Long.toString(pid), "fd");
            this.sampler = Thread.ofPlatform().daemon().name("descriptor-peak").start(this::sample);
        }

        static DescriptorPeak watch(long pid) {
            return new DescriptorPeak(pid);
        }

        private void sample() {
            while (!stopped) {
                try (var entries = Files.list(fds)) {
                    List<Path> open = entries.toList();
                    synchronized (this) {
                        if (open.size() > most) {
                            most = open.size();
                            kinds = kinds(open);
                        }
                    }
                    Thread.sleep(2); // the flood's plateau lasts half a second; leave the cores to the service
                } catch (IOException | UncheckedIOException processGone) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static String kinds(List<Path> open) {
            var counts = new TreeMap<String, Integer>();
            for (Path fd : open) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    target = "closed";
                }
                String kind = target.endsWith(".jar")
                        ? "jar"
                        : target.contains(":[") ? target.substring(0, target.indexOf(":[")) : "file";
                counts.merge(kind, 1, Integer::sum);
            }
            return counts.toString();
        }

        void stop() throws InterruptedException {
            stopped = true;
            sampler.join(5000);
        }

        @Override
        public synchronized String toString() {
            return most + " " + kinds;
        }
    }
}
