package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.resource.EpollProvider;
import io.lettuce.core.resource.Transports;
import org.junit.jupiter.api.Test;

/**
 * On Linux x86-64 the clients run on Netty's native epoll transport (a dependency of this module): 1.13x Java NIO's
 * touches per second at one thread ({@code bench/load/latency.sh} measures both).
 */
class TransportTest {
    @Test
    void linuxX86_64_usesNativeEpoll() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        if (!linuxX64) {
            System.err.println("SKIPPED TransportTest: not Linux x86-64, Lettuce uses Java NIO here");
        }
        assumeTrue(linuxX64, "the native epoll transport is bundled for Linux x86-64 only");
        assertThat(EpollProvider.isAvailable())
                .as("netty-transport-native-epoll on the class path and loaded")
                .isTrue();
        assertThat(Transports.socketChannelClass().getSimpleName()).isEqualTo("EpollSocketChannel");
    }
}
