package dev.sessionstore.testkit;

import dev.sessionstore.embedded.RedisServerProcess;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One private, ephemeral redis-server per test class: started before the class's {@code @BeforeAll}
 * methods and closed after its {@code @AfterAll} methods. Register it as
 * {@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    private @Nullable RedisServerProcess server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServerProcess.startEphemeral();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Optional.ofNullable(server).ifPresent(RedisServerProcess::close);
        server = null;
    }

    /** The running process, for tests that {@code kill()} or restart it. */
    public RedisServerProcess server() {
        if (server == null) {
            throw new IllegalStateException("RedisServerExtension: no server outside the test class lifecycle");
        }
        return server;
    }

    public String uri() {
        return server().uri();
    }

    public int port() {
        return server().port();
    }
}
