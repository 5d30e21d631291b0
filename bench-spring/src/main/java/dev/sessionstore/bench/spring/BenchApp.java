package dev.sessionstore.bench.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts the app with the layer that {@code bench.layer} names (a {@code --bench.layer=} argument, a system property
 * or {@code BENCH_LAYER}); Redis is {@code bench.redis-url} (default {@code redis://127.0.0.1:6379}).
 */
@SpringBootApplication
public class BenchApp {
    public static void main(String[] args) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        String layer = env.getProperty("bench.layer");
        if (layer == null) {
            throw new IllegalArgumentException("bench.layer is required: one of " + Layer.names());
        }
        builder(Layer.of(layer)).run(args);
    }

    /** The app with {@code layer}'s profile active; the caller adds properties and runs it. */
    public static SpringApplicationBuilder builder(Layer layer) {
        return new SpringApplicationBuilder(BenchApp.class).profiles(layer.profile());
    }
}
