package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.redis.Script.Helpers;
import dev.sessionstore.redis.Script.Helpers.Definition;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each script declares the shared helper functions it uses and no other. */
class ScriptHelpersTest {
    private static final List<Definition> FUNCTIONS =
            Helpers.all().stream().filter(Definition::isFunction).toList();

    @Test
    void helpers_areCutIntoEveryFunction_andKeepEveryLineOfTheirText() {
        assertThat(FUNCTIONS)
                .extracting(Definition::name)
                .contains("now_ms", "expiry", "score", "load", "load_live", "emit", "settle", "user_index")
                .doesNotHaveDuplicates();
        String joined =
                String.join("", Helpers.all().stream().map(Definition::text).toList());
        String helpers = LuaText.COMMON + LuaText.USER_INDEX;
        assertThat(joined.replaceAll("\n+", "\n").strip())
                .isEqualTo(helpers.replaceAll("\n+", "\n").strip());
        for (Definition d : FUNCTIONS) {
            assertThat(d.text()).contains("local function " + d.name() + "(").endsWith("\nend\n");
        }
    }

    @Test
    void everyFunctionAScriptCalls_isDeclaredInIt() {
        for (Script script : Script.values()) {
            String text = script.text().replaceAll("--[^\n]*", "");
            for (Definition d : FUNCTIONS) {
                boolean called =
                        Pattern.compile("\\b" + d.name() + "\\(").matcher(text).find();
                boolean declared = text.contains("local function " + d.name() + "(");
                assertThat(declared).as(script + " calls " + d.name()).isEqualTo(called);
            }
        }
    }

    @Test
    void theHelpersOnlyValues_areConstants_andEV_whichEveryLibraryFunctionResets() {
        // a library's top-level values are shared by every call: only EV may change, and each function resets it
        assertThat(Helpers.all().stream()
                        .filter(d -> !d.isFunction())
                        .map(d -> d.text().replaceAll("(?s)^(--[^\n]*\n)*local (\\w+) = .*", "$2"))
                        .toList())
                .containsExactly("META", "SPLIT_AT", "EV");
        String code = Script.library().code();
        for (Script script : Script.values()) {
            assertThat(code)
                    .contains("_" + script.name().toLowerCase(java.util.Locale.ROOT) + "(KEYS, ARGV)\nEV = 0\n");
        }
    }

    @Test
    void theLibrary_staysWithinLuasLimits() {
        // the prelude's top-level declarations (constants, the helpers' values and functions), then one per script
        String code = Script.library().code();
        String prelude = code.substring(0, code.indexOf("\nlocal function ss_"));
        long shared = prelude.lines().filter(line -> line.startsWith("local ")).count();
        long topLevel = shared + Script.values().length;
        assertThat(topLevel)
                .as("locals at the library's top level (Lua: at most 200)")
                .isLessThanOrEqualTo(200);
        assertThat(shared)
                .as("names a script function can refer to, a bound of its upvalues (Lua: at most 60)")
                .isLessThanOrEqualTo(60);
        assertThat(Script.library().name()).matches("sessionstore_[0-9a-f]{12}");
        assertThat(Script.READ.lua().functionName())
                .contains("ss_" + Script.library().name().substring("sessionstore_".length()) + "_read");
    }

    @Test
    void theTouchScript_declaresOnlyWhatItUses() {
        String read = Script.READ.text();
        assertThat(read).contains("local function now_ms(", "local function expiry(", "local function user_index(");
        assertThat(read).doesNotContain("local function emit(", "local function rows(", "local function reply(");
        assertThat(Script.LIST_INDEX_PAGE.text()).contains("local function load_live(", "local function load(");
    }
}
