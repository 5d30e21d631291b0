package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.CoordinationException;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/** The Lettuce adapter: runs scripts by SHA (loading them again after a restart) and maps errors. */
final class RedisCalls {
    /** A Lua script and its SHA-1. */
    record Script(String text, String sha) {
        static Script of(String text) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
                return new Script(text, HexFormat.of().formatHex(d));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final RedisClusterCommands<String, String> commands;

    RedisCalls(RedisClusterCommands<String, String> commands) {
        this.commands = commands;
    }

    <T> T eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        return call(() -> {
            try {
                return commands.<T>evalsha(script.sha(), type, keys, args);
            } catch (RedisNoScriptException e) {
                return commands.<T>eval(script.text(), type, keys, args);
            }
        });
    }

    <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            throw new CoordinationException("Redis refused a coordination command: " + e.getMessage(), e);
        } catch (RedisException e) {
            throw new CoordinationUnavailableException("Redis is unreachable: " + e.getMessage(), e);
        }
    }

    RedisClusterCommands<String, String> commands() {
        return commands;
    }
}
