package dev.sessionstore.sample;

import dev.sessionstore.embedded.RedisServerProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample: a Spring Boot app with Spring Security form login whose sessions live in sessionstore on Redis
 * through the starter (one dependency, one property: {@code sessionstore.redis-url}).
 */
@SpringBootApplication
public class SampleApplication {
    /** Runs the app on a private redis-server (from the PATH, else the bundled one) that ends with the app. */
    static final String EMBEDDED_REDIS = "--embedded-redis";

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        if (arguments.remove(EMBEDDED_REDIS)) {
            RedisServerProcess redis = RedisServerProcess.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "embedded-redis-stop"));
            arguments.add("--sessionstore.redis-url=" + redis.uri());
        }
        SpringApplication.run(SampleApplication.class, arguments.toArray(String[]::new));
    }
}
