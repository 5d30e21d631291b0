package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.logging.common.spi.LoggingProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class Slf4jLoggingTest {
    @Test
    void helidonFindsTheServersLoggingProvider_andNoOther() {
        assertThat(ServiceLoader.load(LoggingProvider.class).stream()
                        .map(p -> p.type().getName()))
                .as("a provider keeps Helidon from printing 'There is no Helidon logging implementation'")
                .containsExactly(Slf4jLogging.class.getName());
    }
}
