package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuaConstantsTest {
    enum Status {
        NOT_FOUND,
        OK
    }

    @Test
    void declare_writesOneLocalPerConstant() {
        assertThat(LuaConstants.declare("STATUS", Status.class, s -> Integer.toString(s.ordinal())))
                .isEqualTo("local STATUS_NOT_FOUND = 0\nlocal STATUS_OK = 1\n");
        assertThat(LuaConstants.declare(
                        "NAME", Status.class, s -> LuaConstants.quoted(s.name().toLowerCase())))
                .isEqualTo("local NAME_NOT_FOUND = 'not_found'\nlocal NAME_OK = 'ok'\n");
    }

    @Test
    void referenced_findsWholeNamesOfThePrefixOnly() {
        String lua = "if x then return {STATUS_OK} end return {STATUS_NOT_FOUND, MY_STATUS_X, STATUS_OKAY}";
        assertThat(LuaConstants.referenced(lua, "STATUS")).containsExactly("NOT_FOUND", "OK", "OKAY");
        assertThat(LuaConstants.names(Status.class)).containsExactly("NOT_FOUND", "OK");
    }

    @Test
    void quoted_refusesTextThatWouldEscapeTheLiteral() {
        assertThatThrownBy(() -> LuaConstants.quoted("a'b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LuaConstants.quoted("a\\b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void script_isNamedByTheSha1OfItsText() {
        LuaScript<Long> one = LuaScript.integer("ONE", "return 1");
        assertThat(one.sha()).isEqualTo("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
        assertThat(one.name()).isEqualTo("ONE");
        assertThat(LuaScript.array("A", "return {1}").sha()).hasSize(40).isNotEqualTo(one.sha());
    }
}
