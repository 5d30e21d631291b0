package dev.sessionstore.redis.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * A Redis 7 function library ({@code FUNCTION LOAD}, then {@code FCALL}) that runs a set of scripts: its code is
 * a prelude (constants and helpers, run once when the library loads) followed by one {@code local function} per
 * script, whose parameters are named {@code KEYS} and {@code ARGV} so a script body runs unchanged, and one {@code
 * redis.register_function} per script. The library and function names carry the first 12 hex digits of the SHA-1 of
 * the prelude and bodies, so libraries of two versions of the code can be loaded side by side (a rolling upgrade);
 * a library no version uses any more stays until an operator deletes it ({@code FUNCTION DELETE name}).
 *
 * <p>The Lua limits that matter: a function may refer to at most 60 top-level names of the library (upvalues), and
 * the library's top level may declare at most 200 locals; a library beyond them fails to load. Immutable and
 * thread-safe.
 */
public final class LuaLibrary {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final String code;
    private final Map<String, String> functions;

    private LuaLibrary(String name, String code, Map<String, String> functions) {
        this.name = name;
        this.code = code;
        this.functions = functions;
    }

    /**
     * A library named {@code <libraryPrefix>_<hash>} whose functions are named {@code <functionPrefix>_<hash>_<script
     * name in lower case>}.
     *
     * @param prelude Lua run once at load; its {@code local} names are upvalues of every function
     * @param bodies each script's name (for example {@code READ}) and body, in registration order; a body that
     *     relies on a prelude value being reset per call must reset it itself
     * @throws IllegalArgumentException if a prefix or script name is not a plain Lua name, or there is no body
     */
    public static LuaLibrary of(
            String libraryPrefix, String functionPrefix, String prelude, SequencedMap<String, String> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("a library needs at least one script");
        }
        StringBuilder content = new StringBuilder(prelude);
        bodies.forEach((script, body) ->
                content.append("\n-- ").append(script).append('\n').append(body));
        String hash = LuaScript.sha1(content.toString()).substring(0, 12);
        String name = plain(libraryPrefix) + "_" + hash;
        StringBuilder code = new StringBuilder("#!lua name=" + name + "\n").append(prelude);
        Map<String, String> functions = new LinkedHashMap<>();
        bodies.forEach((script, body) -> {
            String function = plain(functionPrefix) + "_" + hash + "_" + plain(script.toLowerCase(Locale.ROOT));
            functions.put(script, function);
            code.append("\nlocal function ")
                    .append(function)
                    .append("(KEYS, ARGV)\n")
                    .append(body)
                    .append("end\n");
        });
        functions
                .values()
                .forEach(function -> code.append("redis.register_function('")
                        .append(function)
                        .append("', ")
                        .append(function)
                        .append(")\n"));
        return new LuaLibrary(name, code.toString(), Map.copyOf(functions));
    }

    /** The library name, for example {@code sessionstore_0123456789ab}. */
    public String name() {
        return name;
    }

    /** The library code as sent with {@code FUNCTION LOAD}, starting {@code #!lua name=<name>}. */
    public String code() {
        return code;
    }

    /**
     * {@code script}, run as this library's function registered under its name ({@link LuaScript#name()}).
     *
     * @throws IllegalArgumentException if the library has no script of that name
     */
    public <R> LuaScript<R> runs(LuaScript<R> script) {
        String function = functions.get(script.name());
        if (function == null) {
            throw new IllegalArgumentException("library " + name + " has no script " + script.name());
        }
        return script.asFunction(new LuaScript.Function(this, function));
    }

    @Override
    public String toString() {
        return "LuaLibrary[" + name + "]";
    }

    private static String plain(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case Lua name: " + name);
        }
        return name;
    }
}
