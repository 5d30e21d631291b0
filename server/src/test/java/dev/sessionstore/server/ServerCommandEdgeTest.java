package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.server.edge.EdgeOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServerCommandEdgeTest {
    private static ServerConfig parse(String... args) {
        CommandLine cli = new CommandLine(new ServerCommand());
        cli.parseArgs(args);
        return cli.<ServerCommand>getCommand().call();
    }

    @Test
    void edgeOptions_defaultToProductionValues() {
        assertThat(parse().edge()).isEqualTo(EdgeOptions.defaults());
        assertThat(EdgeOptions.defaults())
                .isEqualTo(new EdgeOptions(Duration.ofSeconds(75), Duration.ofSeconds(20), 10_000));
    }

    @Test
    void edgeOptions_comeFromTheCommandLine() {
        assertThat(parse("--idle-timeout-seconds", "30", "--read-timeout-seconds", "5", "--max-connections", "200")
                        .edge())
                .isEqualTo(new EdgeOptions(Duration.ofSeconds(30), Duration.ofSeconds(5), 200));
    }

    @Test
    void edgeOptions_outOfBounds_areRefused_namingTheOption() {
        assertThatThrownBy(() -> parse("--idle-timeout-seconds", "0")).hasMessageContaining("--idle-timeout-seconds");
        assertThatThrownBy(() -> parse("--read-timeout-seconds", "601")).hasMessageContaining("--read-timeout-seconds");
        assertThatThrownBy(() -> parse("--max-connections", "0")).hasMessageContaining("max-connections");
    }
}
