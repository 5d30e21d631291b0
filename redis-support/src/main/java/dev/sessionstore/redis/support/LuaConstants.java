package dev.sessionstore.redis.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the names a Lua script shares with Java in one place, a Java enum: the script text starts with one
 * {@code local <PREFIX>_<CONSTANT> = <literal>} line per enum constant ({@link #declare}), the script body
 * uses only those names, and a unit test compares the names a body uses ({@link #referenced}) with the enum,
 * so a status or name the enum lacks, or one no script uses, fails the build.
 */
public final class LuaConstants {
    private LuaConstants() {}

    /**
     * The Lua declarations of every constant of {@code type}, one line each: {@code local STATUS_OK = 1}.
     *
     * @param prefix upper-case letters, for example {@code STATUS}
     * @param literal the Lua literal of a constant: a number, or a string in single quotes
     */
    public static <E extends Enum<E>> String declare(String prefix, Class<E> type, Function<E, String> literal) {
        StringBuilder out = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            out.append("local ")
                    .append(prefix)
                    .append('_')
                    .append(constant.name())
                    .append(" = ")
                    .append(literal.apply(constant))
                    .append('\n');
        }
        return out.toString();
    }

    /** A Lua string literal of {@code text}, which must not hold quotes or backslashes. */
    public static String quoted(String text) {
        if (text.contains("'") || text.contains("\\")) {
            throw new IllegalArgumentException("not a plain Lua string: " + text);
        }
        return "'" + text + "'";
    }

    /**
     * The constant names (without {@code prefix_}) that {@code lua} uses, for example {@code OK} for {@code
     * STATUS_OK}; sorted.
     */
    public static Set<String> referenced(String lua, String prefix) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(prefix) + "_([A-Z0-9_]+)\\b")
                .matcher(lua);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The names of the constants of {@code type}, sorted. */
    public static <E extends Enum<E>> Set<String> names(Class<E> type) {
        Set<String> names = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return names;
    }
}
