package dev.sessionstore.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.server.http.ApiException;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IfMatchTest {
    @Test
    void parse_acceptsQuotedBareWeakAndStar() {
        assertThat(IfMatch.parse(Optional.of("\"7\""))).isEqualTo(OptionalLong.of(7));
        assertThat(IfMatch.parse(Optional.of("7"))).isEqualTo(OptionalLong.of(7));
        assertThat(IfMatch.parse(Optional.of("W/\"7\""))).isEqualTo(OptionalLong.of(7));
        assertThat(IfMatch.parse(Optional.of("*"))).isEmpty();
        assertThat(IfMatch.parse(Optional.empty())).isEmpty();
    }

    @Test
    void parse_refusesJunkAndAbsurdNumbers() {
        for (String bad : new String[] {"\"\"", "\"x\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\""}) {
            assertThatThrownBy(() -> IfMatch.parse(Optional.of(bad))).isInstanceOf(ApiException.class);
        }
    }
}
