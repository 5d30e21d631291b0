package dev.sessionstore.spring.boot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.env.Environment;

/**
 * The Redis URL the store connects to: {@code sessionstore.redis-url}, else {@code spring.data.redis.url}, else one
 * built from {@code spring.data.redis.host/port/username/password/database/ssl.enabled} (read from the Environment,
 * so that spring-boot-data-redis need not be on the class path).
 */
final class RedisUrl {
    private RedisUrl() {}

    static String resolve(SessionStoreProperties properties, Environment env) {
        if (properties.redisUrl() != null) {
            return properties.redisUrl();
        }
        String url = env.getProperty("spring.data.redis.url");
        if (url != null && !url.isBlank()) {
            return url;
        }
        boolean ssl = env.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
        String host = env.getProperty("spring.data.redis.host", "localhost");
        int port = env.getProperty("spring.data.redis.port", Integer.class, 6379);
        int database = env.getProperty("spring.data.redis.database", Integer.class, 0);
        String username = env.getProperty("spring.data.redis.username");
        String password = env.getProperty("spring.data.redis.password");
        StringBuilder built = new StringBuilder(ssl ? "rediss://" : "redis://");
        if (password != null && !password.isEmpty()) {
            if (username != null && !username.isEmpty()) {
                built.append(encode(username)).append(':');
            }
            built.append(encode(password)).append('@');
        }
        built.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        built.append(':').append(port);
        if (database != 0) {
            built.append('/').append(database);
        }
        return built.toString();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
