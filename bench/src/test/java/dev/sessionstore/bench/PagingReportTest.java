package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.bench.PagingCommand.Mode;
import dev.sessionstore.bench.PagingCommand.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingReportTest {
    @Test
    void eachMode_getsTheMedianOfItsRounds_andIsJudgedAgainstTheSecondAlonePhase() {
        List<Phase> phases = new ArrayList<>();
        double[] aloneP99 = {800, 900, 1_900};
        for (int r = 0; r < 3; r++) {
            for (Mode m : Mode.values()) {
                boolean alone = !m.walks();
                double p99 = switch (m) {
                    case ALONE -> aloneP99[r];
                    case ALONE_AGAIN -> aloneP99[r] * 1.1;
                    case PAGED_10_PACED -> aloneP99[r] * 1.05;
                    default -> 2_000 + 100 * r;
                };
                phases.add(
                        new Phase(3, m, 400, p99, 9_000, 150_000, alone ? 0 : 50_000, alone ? 0 : 2, 2_000, 0.8, 0.9));
            }
        }

        String md = PagingReport.markdown(phases, 100_000, Duration.ofMillis(20));

        assertThat(md).contains("| touches alone | 400 | 900 | 9,000 | 150,000 | – | – | – | 0.80 | 0.90 | 3 |");
        assertThat(md)
                .contains(
                        "| paging, limit 100, paced (20 ms between pages) | 400 | 2,100 | 9,000 | 150,000 | 50,000 | 2.0 | 1,000 |");
        assertThat(md).contains("| paging, limit 10, paced (2.0 ms between pages) |");
        assertThat(md).contains("Touch p99 alone over the rounds: 800–2,090 µs.");
        assertThat(md).contains("the second alone phase: 1.10–1.10 over the rounds");
        assertThat(md).contains("| touches alone again (the noise) | 1.10 (1.10–1.10) | (the noise) |");
        // 2,000 / 800, 2,100 / 900, 2,200 / 1,900
        assertThat(md)
                .contains(
                        "| paging, limit 100, flat out, touches' connection | 2.33 (1.16–2.50) | **above the noise** |");
        assertThat(md)
                .contains("| paging, limit 10, paced (2.0 ms between pages) | 1.05 (1.05–1.05) | within the noise |");
    }
}
