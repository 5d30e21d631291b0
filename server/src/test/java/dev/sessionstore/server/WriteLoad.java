package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Sessions created through the service API by 4 writers in a loop, each for a user of its own (so the per-user cap
 * evicts none), for failover tests: what was acknowledged (201) and when, the time until a request sent after a
 * moment (a SIGKILL) is acknowledged again, and how many acknowledged sessions cannot be read back.
 */
final class WriteLoad implements AutoCloseable {
    static final int WRITERS = 4;

    /** One 201: the token, when the request was sent and when the answer came (System.nanoTime()). */
    record Ack(String token, long sentNanos, long doneNanos) {}

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

    /** Starts writing; {@code users} picks the user ids to create sessions for (every other one is skipped). */
    WriteLoad(URI base, String apiKey, Predicate<String> users) {
        this.base = base;
        this.apiKey = apiKey;
        for (int w = 0; w < WRITERS; w++) {
            String writer = "writer-" + w;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String user = writer + "-" + i;
                    if (users.test(user)) {
                        write(user);
                    }
                }
                return null;
            });
        }
    }

    /**
     * What a SIGKILL under write load did.
     *
     * @param recovery from the kill to the first 201 of a request sent after it; empty: none within the bound
     * @param acknowledged sessions acknowledged (201), before, during and after the kill
     * @param lost of those, the ones that cannot be read back after the failover
     * @param failed writes refused (non-201 or no answer)
     */
    record Outcome(Optional<Duration> recovery, int acknowledged, int lost, int failed) {
        String describe() {
            return "time to 2xx again "
                    + recovery.map(d -> String.format(java.util.Locale.ROOT, "%.2f s", d.toMillis() / 1000.0))
                            .orElse("none")
                    + ", " + acknowledged + " writes acknowledged, " + lost + " of them lost, " + failed
                    + " writes refused";
        }
    }

    /**
     * Writes through {@code base} until 200 sessions are acknowledged, runs {@code kill} (the SIGKILL of a master),
     * waits up to {@code within} for writes to be acknowledged again, writes 1 s more, then reads every acknowledged
     * session back.
     */
    static Outcome killUnderLoad(URI base, String apiKey, Predicate<String> users, Runnable kill, Duration within)
            throws InterruptedException {
        Optional<Duration> recovery;
        WriteLoad load = new WriteLoad(base, apiKey, users);
        try {
            load.awaitAcknowledged(200, Duration.ofSeconds(20));
            long killed = System.nanoTime();
            kill.run();
            recovery = load.awaitAcknowledgedAfter(killed, within);
            Thread.sleep(1000);
        } finally {
            load.close();
        }
        return new Outcome(recovery, load.acknowledged(), load.lost().size(), load.failed());
    }

    private void write(String user) throws InterruptedException {
        long sent = System.nanoTime();
        Optional<String> token = create(user);
        if (token.isPresent()) {
            acks.add(new Ack(token.get(), sent, System.nanoTime()));
        } else {
            failed.incrementAndGet();
            Thread.sleep(10); // a refused write is answered at once: do not spin
        }
    }

    int acknowledged() {
        return acks.size();
    }

    int failed() {
        return failed.get();
    }

    void awaitAcknowledged(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (acks.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acks.size()).as("sessions acknowledged within " + within).isGreaterThanOrEqualTo(count);
    }

    /**
     * Waits until a request sent after {@code sinceNanos} is acknowledged, at most {@code within}, then returns the
     * time from {@code sinceNanos} to the earliest such answer; empty if none came.
     */
    Optional<Duration> awaitAcknowledgedAfter(long sinceNanos, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Duration> first =
                    acks.stream().filter(a -> a.sentNanos() > sinceNanos).mapToLong(Ack::doneNanos).min().stream()
                            .mapToObj(done -> Duration.ofNanos(done - sinceNanos))
                            .findFirst();
            if (first.isPresent()) {
                return first;
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    /** Stops the writers and waits for them. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        writers.shutdown();
        if (!writers.awaitTermination(30, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
    }

    /** The acknowledged sessions that cannot be read back now (404); a 503 is asked again, for up to 20 s. */
    List<String> lost() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> lost = new java.util.ArrayList<>();
        for (Ack ack : acks) {
            int status;
            do {
                status = read(ack.token());
                if (status != 200 && status != 404) {
                    Thread.sleep(20);
                }
            } while (status != 200 && status != 404 && System.nanoTime() < deadline);
            assertThat(status).as("reading an acknowledged session back").isIn(200, 404);
            if (status == 404) {
                lost.add(ack.token());
            }
        }
        return lost;
    }

    private int read(String token) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(base.resolve("/v1/session?touch=false"))
                                    .header("Authorization", "Bearer " + apiKey)
                                    .header("Session-Token", token)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private Optional<String> create(String user) throws InterruptedException {
        try {
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(base.resolve("/v1/sessions"))
                            .header("Authorization", "Bearer " + apiKey)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                return Optional.empty();
            }
            return Optional.of(created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
