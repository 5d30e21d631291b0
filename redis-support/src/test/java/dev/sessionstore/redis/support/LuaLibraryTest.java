package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class LuaLibraryTest {
    private static final LuaScript<Long> ONE = LuaScript.integer("ONE", "return 1\n");

    private static LuaLibrary library(String prelude, String body) {
        SequencedMap<String, String> bodies = new LinkedHashMap<>();
        bodies.put("ONE", body);
        bodies.put("READ_ALL", "return 2\n");
        return LuaLibrary.of("lib", "fn", prelude, bodies);
    }

    @Test
    void namesCarryAHashOfTheCode_soTwoVersionsCanBeLoadedSideBySide() {
        LuaLibrary library = library("local X = 1\n", "return X\n");
        String hash = library.name().substring("lib_".length());
        assertThat(library.name()).matches("lib_[0-9a-f]{12}");
        assertThat(library.code())
                .startsWith("#!lua name=" + library.name() + "\nlocal X = 1\n")
                .contains("local function fn_" + hash + "_one(KEYS, ARGV)\nreturn X\nend\n")
                .contains("local function fn_" + hash + "_read_all(KEYS, ARGV)\nreturn 2\nend\n")
                .endsWith("redis.register_function('fn_" + hash + "_one', fn_" + hash + "_one)\n"
                        + "redis.register_function('fn_" + hash + "_read_all', fn_" + hash + "_read_all)\n");
        assertThat(library("local X = 1\n", "return X\n").name()).isEqualTo(library.name());
        assertThat(library("local X = 2\n", "return X\n").name()).isNotEqualTo(library.name());
        assertThat(library("local X = 1\n", "return X + 0\n").name()).isNotEqualTo(library.name());
    }

    @Test
    void aScriptOfTheLibrary_keepsItsTextAndSha_andNamesItsFunction() {
        LuaLibrary library = library("", "return 1\n");
        LuaScript<Long> bound = library.runs(ONE);
        assertThat(bound.text()).isEqualTo(ONE.text());
        assertThat(bound.sha()).isEqualTo(ONE.sha());
        assertThat(bound.functionName()).contains("fn_" + library.name().substring(4) + "_one");
        assertThat(ONE.functionName()).isEmpty();
        assertThatThrownBy(() -> library.runs(LuaScript.integer("OTHER", "return 1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LuaLibrary.of("Bad-Name", "fn", "", new LinkedHashMap<>()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnUnknownCommandOrAnAclRefusalOfTheFunctionCommands_turnFunctionsOff() {
        assertThat(FunctionCalls.isRefusal(new RedisCommandExecutionException(
                        "ERR unknown command `FCALL`, with args beginning with: `ss_x_read`, ")))
                .isTrue();
        assertThat(FunctionCalls.isRefusal(new RedisCommandExecutionException(
                        "NOPERM this user has no permissions to run the 'fcall' command")))
                .isTrue();
        assertThat(FunctionCalls.isRefusal(new RedisCommandExecutionException(
                        "NOPERM User u has no permissions to run the 'function|load' command")))
                .isTrue();
        assertThat(FunctionCalls.isRefusal(new RedisCommandExecutionException(
                        "NOPERM this user has no permissions to access one of the keys used as arguments")))
                .isFalse();
        assertThat(FunctionCalls.isRefusal(new RedisCommandExecutionException("ERR Function not found")))
                .isFalse();
        assertThat(FunctionCalls.isRefusal(new RedisConnectionException("unknown command")))
                .isFalse();
        assertThat(FunctionCalls.isMissing(new RedisCommandExecutionException("ERR Function not found")))
                .isTrue();
        assertThat(FunctionCalls.isMissing(new RedisCommandExecutionException("ERR Library 'x' already exists")))
                .isFalse();
        assertThat(FunctionCalls.isOutOfMemory(
                        new RedisCommandExecutionException("OOM command not allowed when used memory > 'maxmemory'.")))
                .isTrue();
        assertThat(FunctionCalls.isOutOfMemory(new RedisCommandExecutionException("OOMX no")))
                .isFalse();
    }
}
