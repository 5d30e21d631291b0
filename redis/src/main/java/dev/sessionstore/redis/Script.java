package dev.sessionstore.redis;

import dev.sessionstore.redis.support.LuaLibrary;
import dev.sessionstore.redis.support.LuaScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * The store's Lua scripts: every web-path operation is one of them, run as a function of the store's {@link
 * #library()} with {@code FCALL} on Redis 7 and later (standalone or Sentinel), else with {@code EVALSHA} (falling
 * back to {@code EVAL} after a {@code NOSCRIPT}). This is the one place that holds Lua; each script has one call
 * type, a record {@code <Script>Call} naming its KEYS and ARGV; {@code docs/redis-layout.md} describes each script.
 *
 * <p>Conventions shared by all scripts: {@code ARGV[1]} is the key base {@code <prefix>:{<tag>}:} of the
 * shard tag of {@code KEYS[1]}; every other key a script touches is derived from that base, so it has
 * the same hash tag and lies in the same Redis Cluster slot. Time is Redis server time ({@code TIME}).
 * Replies are arrays whose first element is a {@link ReplyStatus} (the listings reply rows only). Each
 * script's text is {@link LuaText#CONSTANTS}, the shared helpers it uses and its body.
 */
enum Script {
    CREATE(LuaText.CREATE),
    READ(LuaText.READ),
    UPDATE(LuaText.UPDATE),
    ROTATE(LuaText.ROTATE),
    REVOKE(LuaText.REVOKE),
    LIST_USER(LuaText.LIST_USER),
    LIST_USER_PAGE(LuaText.LIST_USER_PAGE),
    LIST_INDEX_PAGE(LuaText.LIST_INDEX_PAGE),
    REVOKE_ALL(LuaText.REVOKE_ALL),
    EXPIRE(LuaText.EXPIRE);

    private final String body;
    private final LuaScript<List<Object>> lua;

    Script(String body) {
        this.body = body;
        this.lua = LuaScript.array(name(), LuaText.CONSTANTS + Helpers.usedBy(body) + body);
    }

    /** The script as Redis runs it: as a function of {@link #library()} where it can, else by its text. */
    LuaScript<List<Object>> lua() {
        return InLibrary.SCRIPTS.get(ordinal());
    }

    /**
     * The library of all the store's scripts: {@link LuaText#CONSTANTS} and every shared helper, declared once when
     * the library loads, and one function per script, named after it ({@code ss_<hash>_read}). Each function starts
     * with {@code EV = 0}: {@code EV} is the one helper value a script may set, and in a library it is shared by
     * every call, where a script run by its text starts afresh. The user index helpers are built once, when the
     * library loads ({@link LuaText#LIBRARY_USER_INDEX}).
     */
    static LuaLibrary library() {
        return InLibrary.LIBRARY;
    }

    /** The full Lua source, shared helpers included. */
    String text() {
        return lua.text();
    }

    /** The SHA-1 Redis knows the script by. */
    String sha() {
        return lua.sha();
    }

    /** The script's own part, without the constants and helpers. */
    String body() {
        return body;
    }

    /** The library and the scripts bound to it, built once every constant exists. */
    private static final class InLibrary {
        private static final LuaLibrary LIBRARY = LuaLibrary.of(
                "sessionstore",
                "ss",
                LuaText.CONSTANTS + LuaText.COMMON + LuaText.USER_INDEX + LuaText.LIBRARY_USER_INDEX,
                bodies());
        private static final List<LuaScript<List<Object>>> SCRIPTS =
                List.of(values()).stream().map(s -> LIBRARY.runs(s.lua)).toList();

        private static SequencedMap<String, String> bodies() {
            SequencedMap<String, String> bodies = new LinkedHashMap<>();
            for (Script s : values()) {
                bodies.put(s.name(), "EV = 0\n" + s.body);
            }
            return bodies;
        }
    }

    /**
     * The shared helpers ({@link LuaText#COMMON}, {@link LuaText#USER_INDEX}) cut into their top-level
     * definitions. Every {@code local function} is a closure Redis builds on each call of a script that
     * declares it (the full set cost about 1.3 µs per call, a third of an empty script), so a script declares
     * only the functions its body names, directly or through another function it declares. Other top-level
     * statements (the {@code local} values) are always kept.
     */
    static final class Helpers {
        private static final Pattern COMMENT = Pattern.compile("--[^\n]*");
        private static final List<Definition> ALL = parse(LuaText.COMMON + LuaText.USER_INDEX);

        private Helpers() {}

        /**
         * A top-level piece of the helpers: its text (leading comments included) and, for a function, its name
         * ({@code ""} for the other statements).
         */
        record Definition(String name, String text) {
            boolean isFunction() {
                return !name.isEmpty();
            }
        }

        /** The helper text a script with this body declares, in the helpers' own order. */
        static String usedBy(String body) {
            List<Definition> used = new ArrayList<>();
            List<String> pending = new ArrayList<>(List.of(body));
            while (!pending.isEmpty()) {
                String code = pending.removeLast();
                for (Definition d : ALL) {
                    if (d.isFunction() && !used.contains(d) && names(code, d.name())) {
                        used.add(d);
                        pending.add(d.text());
                    }
                }
            }
            StringBuilder out = new StringBuilder();
            for (Definition d : ALL) {
                if (!d.isFunction() || used.contains(d)) {
                    out.append(d.text());
                }
            }
            return out.toString();
        }

        /** Every top-level definition of the helpers. */
        static List<Definition> all() {
            return ALL;
        }

        private static boolean names(String code, String name) {
            return Pattern.compile("\\b" + name + "\\b")
                    .matcher(COMMENT.matcher(code).replaceAll(""))
                    .find();
        }

        /**
         * Cuts the helpers at their top-level lines: a {@code local function NAME(} runs to the first line that
         * is exactly {@code end}; comment and blank lines belong to the definition after them.
         */
        private static List<Definition> parse(String lua) {
            List<Definition> out = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            String function = null;
            for (String line : lua.split("\n", -1)) {
                if (text.isEmpty() && line.isEmpty() && function == null) {
                    continue;
                }
                text.append(line).append('\n');
                if (function == null && line.startsWith("local function ")) {
                    function = line.substring("local function ".length(), line.indexOf('('));
                } else if (function != null && line.equals("end")) {
                    out.add(new Definition(function, text.toString()));
                    text.setLength(0);
                    function = null;
                } else if (function == null && !line.isBlank() && !line.startsWith("--")) {
                    out.add(new Definition("", text.toString()));
                    text.setLength(0);
                }
            }
            if (function != null || !text.toString().isBlank()) {
                throw new IllegalStateException("helpers end inside a definition: " + text);
            }
            return List.copyOf(out);
        }
    }
}
