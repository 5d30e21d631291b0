package dev.sessionstore.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.HashMap;
import java.util.Map;

/** A plain Lettuce connection for tests to look at the server: commandstats, keys, memory. */
final class RedisProbe implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<byte[], byte[]> binary;

    RedisProbe(String uri) {
        client = RedisClient.create(uri);
        connection = client.connect();
        binary = client.connect(ByteArrayCodec.INSTANCE);
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** The same server through a byte-array codec, for binary fields. */
    RedisCommands<byte[], byte[]> binary() {
        return binary.sync();
    }

    /** Calls per command from {@code INFO commandstats}, without the INFO calls themselves. */
    Map<String, Long> commandCalls() {
        Map<String, Long> calls = new HashMap<>();
        for (String line : redis().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String count = line.substring(line.indexOf("calls=") + 6, line.indexOf(','));
                calls.put(name, Long.parseLong(count));
            }
        }
        return calls;
    }

    /** The Redis major version, for example 7. */
    int majorVersion() {
        return Integer.parseInt(redis().info("server").replaceAll("(?s).*redis_version:(\\d+)\\..*", "$1"));
    }

    /** {@code used_memory} from {@code INFO memory}. */
    long usedMemory() {
        for (String line : redis().info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("no used_memory in INFO memory");
    }

    @Override
    public void close() {
        binary.close();
        connection.close();
        client.shutdown();
    }
}
