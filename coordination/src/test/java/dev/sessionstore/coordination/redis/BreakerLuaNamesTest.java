package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.coordination.internal.BreakerBackend.Mode;
import dev.sessionstore.redis.support.LuaConstants;
import org.junit.jupiter.api.Test;

/** The breaker script and {@link Mode} agree on every mode name. */
class BreakerLuaNamesTest {
    @Test
    void syncScript_usesEveryMode_andNoOther() {
        assertThat(LuaConstants.referenced(RedisBreakers.BODY, "MODE")).isEqualTo(LuaConstants.names(Mode.class));
    }

    @Test
    void syncScript_writesNoModeAsALiteral_andDeclaresEveryModeFromTheEnum() {
        for (Mode mode : Mode.values()) {
            assertThat(RedisBreakers.BODY).doesNotContain(RedisBreakers.lua(mode));
            assertThat(RedisBreakers.Sync.SCRIPT.text())
                    .startsWith(LuaConstants.declare("MODE", Mode.class, RedisBreakers::lua))
                    .contains("local MODE_" + mode.name() + " = " + RedisBreakers.lua(mode) + "\n");
        }
        assertThat(RedisBreakers.lua(Mode.HALF_OPEN)).isEqualTo("'half_open'");
    }
}
