package dev.sessionstore.redis.support;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Lua script as Redis knows it: its full text, the SHA-1 of that text ({@code EVALSHA} names the script by
 * it), the shape of its reply and, for a script that a {@link LuaLibrary} holds, the library function that runs
 * it ({@link RedisCalls} prefers {@code FCALL} of it where Redis has functions). Immutable and thread-safe.
 *
 * @param <R> the Java type of the reply: {@code Long} for an integer, {@code List<Object>} for an array
 */
public final class LuaScript<R> {
    private final String name;
    private final String text;
    private final String sha;
    private final ScriptOutputType output;
    private final Optional<Function> function;

    /** The library function that runs a script: its library and its registered name. */
    record Function(LuaLibrary library, String name) {}

    private LuaScript(String name, String text, ScriptOutputType output, Optional<Function> function) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.sha = sha1(text);
        this.output = output;
        this.function = function;
    }

    /** A script that replies an array (Lua table); nested arrays are lists too. */
    public static LuaScript<List<Object>> array(String name, String text) {
        return new LuaScript<>(name, text, ScriptOutputType.MULTI, Optional.empty());
    }

    /** A script that replies an integer (a Lua number, truncated by Redis). */
    public static LuaScript<Long> integer(String name, String text) {
        return new LuaScript<>(name, text, ScriptOutputType.INTEGER, Optional.empty());
    }

    /** A short name for messages, for example {@code CREATE}. */
    public String name() {
        return name;
    }

    /** The full Lua source, as sent with {@code EVAL}. */
    public String text() {
        return text;
    }

    /** The lower-case hex SHA-1 of {@link #text()}, as sent with {@code EVALSHA}. */
    public String sha() {
        return sha;
    }

    /**
     * The name of the library function that runs this script ({@code FCALL}), if a {@link LuaLibrary} holds it
     * ({@link LuaLibrary#runs}).
     */
    public Optional<String> functionName() {
        return function.map(Function::name);
    }

    ScriptOutputType output() {
        return output;
    }

    Optional<Function> function() {
        return function;
    }

    LuaScript<R> asFunction(Function runner) {
        return new LuaScript<>(name, text, output, Optional.of(runner));
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + " " + sha
                + function.map(f -> " " + f.name()).orElse("") + "]";
    }

    static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
