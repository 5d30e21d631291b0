package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisInfoTest {
    private static final String INFO = "# Memory\r\nused_memory:1234567\r\nused_memory_human:1.18M\r\n\r\n# Other\r\n";

    @Test
    void number_readsAField() {
        assertThat(RedisInfo.number(INFO, "used_memory")).isEqualTo(1_234_567L);
    }

    @Test
    void number_missingField_namesIt() {
        assertThatThrownBy(() -> RedisInfo.number(INFO, "maxmemory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxmemory");
    }

    @Test
    void monitorLine_fromAClient_isCounted() {
        assertThat(RedisInfo.isClientCommand("+1700000000.123456 [0 127.0.0.1:51234] \"evalsha\" \"abc\" \"1\""))
                .isTrue();
        assertThat(RedisInfo.isClientCommand(
                        "+1700000000.123456 [0 127.0.0.1:51234] \"fcall\" \"ss_0123456789ab_read\" \"1\""))
                .isTrue();
    }

    @Test
    void monitorLine_fromInsideAScript_isNotCounted() {
        assertThat(RedisInfo.isClientCommand("+1700000000.123456 [0 lua] \"hgetall\" \"ss:{ab}:s:x\""))
                .isFalse();
    }

    @Test
    void monitorReply_isNotCounted() {
        assertThat(RedisInfo.isClientCommand("+OK")).isFalse();
        assertThat(RedisInfo.isClientCommand("-ERR nope")).isFalse();
    }
}
