package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LockOptions;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child-JVM lock holder for {@link LockPauseIT}: acquires the lock, prints {@code ACQUIRED <fence>},
 * waits for {@code WRITE} on stdin, attempts its fenced write and prints {@code WRITE <accepted>} and
 * {@code LOST <isLost>}.
 */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String lock = args[1];
        long leaseMillis = Long.parseLong(args[2]);
        RedisClient client = RedisClient.create(uri);
        try (Coordination c = RedisCoordination.builder(uri).instanceId("child").build();
                var connection = client.connect()) {
            FencedLease lease = c.locks()
                    .tryAcquire(
                            lock,
                            LockOptions.lease(Duration.ofMillis(leaseMillis)).withWatchdog())
                    .orElseThrow();
            System.out.println("ACQUIRED " + lease.fence());
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"WRITE".equals(in.readLine())) {
                System.exit(2);
            }
            boolean accepted =
                    new RedisFencedWrites(connection.sync()).write(lock + ".data", "from-child", lease.fence());
            System.out.println("WRITE " + accepted);
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!lease.isLost() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            System.out.println("LOST " + lease.isLost() + " " + c.locks().lostLeaseCount());
            lease.close();
        } finally {
            client.shutdown();
        }
    }
}
