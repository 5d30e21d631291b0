package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line's {@code --redis-ca-file}, {@code --redis-wait-replicas}, {@code --redis-wait-timeout-ms} and
 * {@code --index-listing-rate}.
 */
class RedisLinkOptionsTest {
    private static ServerConfig config(String... args) {
        CommandLine cli = new CommandLine(new ServerCommand());
        cli.parseArgs(args);
        return cli.<ServerCommand>getCommand().call();
    }

    @Test
    void byDefault_noCaFile_andWritesDoNotWait() {
        RedisLinkOptions options = config("--redis-url", "redis://127.0.0.1:1").redisLink();
        assertThat(options.caFile()).isEmpty();
        assertThat(options.waitReplicas()).isZero();
        assertThat(options.waitTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.indexListingRate()).isEqualTo(1_000);
        assertThat(config().redisLink().indexListingRate()).as("embedded Redis").isEqualTo(1_000);
    }

    @Test
    void theIndexListingRate_isRead() {
        assertThat(config("--index-listing-rate", "0").redisLink().indexListingRate())
                .isZero();
        assertThat(config("--redis-url", "redis://127.0.0.1:1", "--index-listing-rate", "50000")
                        .redisLink()
                        .indexListingRate())
                .isEqualTo(50_000);
        for (String bad : new String[] {"-1", "9", "1000001"}) {
            assertThatThrownBy(() -> config("--index-listing-rate", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--index-listing-rate must be 0 (unpaced) or in [10, 1000000]: " + bad);
        }
    }

    @Test
    void waitOptions_areRead() {
        RedisLinkOptions options = config(
                        "--redis-url", "redis://127.0.0.1:1",
                        "--redis-wait-replicas", "2",
                        "--redis-wait-timeout-ms", "250")
                .redisLink();
        assertThat(options.waitReplicas()).isEqualTo(2);
        assertThat(options.waitTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badValues_areRefusedNamingTheOption() {
        assertThatThrownBy(() -> config("--redis-url", "redis://127.0.0.1:1", "--redis-wait-replicas", "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-wait-replicas");
        assertThatThrownBy(() -> config("--redis-url", "redis://127.0.0.1:1", "--redis-wait-timeout-ms", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-wait-timeout-ms");
        assertThatThrownBy(() -> new RedisLinkOptions(Optional.empty(), 1, Duration.ofMinutes(2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-wait-timeout-ms");
    }

    @Test
    void embeddedRedis_hasNoReplicasToWaitFor() {
        assertThatThrownBy(() -> config("--redis-wait-replicas", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-wait-replicas needs --redis-url");
    }
}
