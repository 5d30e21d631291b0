package dev.sessionstore.sample;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample app on a fixed loopback port against a given Redis, as {@code java -jar} would run it. */
final class RunningApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningApp(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    static RunningApp start(int port, String redisUri) {
        return new RunningApp(
                // arguments, not default properties: they must win over application.properties
                new SpringApplicationBuilder(SampleApplication.class)
                        .run(
                                "--server.port=" + port,
                                "--server.address=127.0.0.1",
                                "--sessionstore.redis-url=" + redisUri),
                port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        context.close();
    }
}
