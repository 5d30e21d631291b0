package dev.sessionstore.sample;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every key of a Redis and every byte stored under it, whatever its type: what an attacker with a dump would see. */
final class RedisScan {
    /** One key: its name and everything stored under it, concatenated. */
    record Entry(String key, String type, byte[] content) {
        boolean contains(byte[] needle) {
            return indexOf(content, needle) >= 0 || indexOf(key.getBytes(StandardCharsets.UTF_8), needle) >= 0;
        }
    }

    private RedisScan() {}

    static List<Entry> all(String redisUri) {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<byte[], byte[]> redis = connection.sync();
            List<Entry> entries = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<byte[]> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
                for (byte[] key : page.getKeys()) {
                    entries.add(read(redis, key));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return entries;
        } finally {
            client.shutdown();
        }
    }

    private static Entry read(RedisCommands<byte[], byte[]> redis, byte[] key) {
        String type = redis.type(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (type) {
            case "string" -> out.writeBytes(redis.get(key));
            case "hash" -> {
                for (Map.Entry<byte[], byte[]> field : redis.hgetall(key).entrySet()) {
                    out.writeBytes(field.getKey());
                    out.writeBytes(field.getValue());
                }
            }
            case "zset" -> redis.zrange(key, 0, -1).forEach(out::writeBytes);
            case "set" -> redis.smembers(key).forEach(out::writeBytes);
            case "list" -> redis.lrange(key, 0, -1).forEach(out::writeBytes);
            case "stream" ->
                redis.xrange(key, io.lettuce.core.Range.create("-", "+"))
                        .forEach(message -> message.getBody().forEach((field, value) -> {
                            out.writeBytes(field);
                            out.writeBytes(value);
                        }));
            default -> throw new AssertionError("a key of a type the scan does not read: " + type);
        }
        return new Entry(new String(key, StandardCharsets.UTF_8), type, out.toByteArray());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
