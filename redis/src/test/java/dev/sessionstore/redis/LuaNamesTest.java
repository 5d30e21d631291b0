package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.redis.support.LuaConstants;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scripts and the Java enums agree on every reply status, limit name and cap policy. */
class LuaNamesTest {
    /** Every script's own Lua: the shared helpers and the bodies, without the generated constants. */
    private static final String LUA = LuaText.COMMON
            + LuaText.USER_INDEX
            + Arrays.stream(Script.values()).map(Script::body).collect(Collectors.joining("\n"));

    @Test
    void scripts_useEveryReplyStatus_andNoOther() {
        assertThat(LuaConstants.referenced(LUA, "STATUS")).isEqualTo(LuaConstants.names(ReplyStatus.class));
    }

    @Test
    void scripts_useEveryLimitName_andNoOther() {
        assertThat(LuaConstants.referenced(LUA, "LIMIT")).isEqualTo(LuaConstants.names(ScriptLimit.class));
    }

    @Test
    void scripts_useOnlyDeclaredCapPolicies() {
        assertThat(LuaConstants.names(CapPolicy.class)).containsAll(LuaConstants.referenced(LUA, "CAP"));
        assertThat(LuaConstants.referenced(LUA, "CAP")).containsExactly("REFUSE");
    }

    @Test
    void scripts_replyNoLiteralStatus_andNoLiteralLimitName() {
        assertThat(Pattern.compile("(\\{|reply\\()\\s*\\d").matcher(LUA).find())
                .as("a status written as a number")
                .isFalse();
        for (ScriptLimit limit : ScriptLimit.values()) {
            assertThat(LUA).doesNotContain("'" + limit.setting() + "'");
        }
    }

    @Test
    void everyScript_declaresTheConstants_withTheJavaValues() {
        for (ReplyStatus status : ReplyStatus.values()) {
            assertThat(LuaText.CONSTANTS).contains("local STATUS_" + status.name() + " = " + status.code() + "\n");
            assertThat(ReplyStatus.of((long) status.code())).isEqualTo(status);
        }
        for (ScriptLimit limit : ScriptLimit.values()) {
            assertThat(LuaText.CONSTANTS).contains("local LIMIT_" + limit.name() + " = '" + limit.setting() + "'\n");
            assertThat(ScriptLimit.of(limit.setting())).isEqualTo(limit);
        }
        for (Script script : Script.values()) {
            assertThat(script.text()).startsWith(LuaText.CONSTANTS);
        }
    }
}
