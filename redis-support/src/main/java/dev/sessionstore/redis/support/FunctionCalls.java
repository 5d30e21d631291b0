package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandExecutionException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code FCALL} of library functions for one {@link RedisCalls}: when Redis answers that the function does not
 * exist (a new library, a restart without persistence, {@code FUNCTION FLUSH}), {@code FUNCTION LOAD} of its library
 * ("already exists", from a concurrent load, counts as loaded) and {@code FCALL} once more. When Redis does not know
 * the commands (before 7.0: unknown command) or refuses them ({@code NOPERM}: an ACL user without {@code fcall} or
 * {@code function|load}), functions are off for good on this link, logged once, and that call and every later one
 * go by the fallback ({@code EVALSHA}). An {@code OOM} answer sends that one call by the fallback: Redis refuses a
 * function without flags whenever it is over {@code maxmemory}, a script sent by {@code EVALSHA} only at its first
 * write, so a touch that writes nothing, or a listing, still works on a full Redis. Thread-safe.
 */
final class FunctionCalls {
    private static final System.Logger LOG = System.getLogger(RedisCalls.class.getName());

    private final AtomicBoolean enabled;

    FunctionCalls(boolean enabled) {
        this.enabled = new AtomicBoolean(enabled);
    }

    /** Whether calls go by {@code FCALL}; false once Redis refused it. */
    boolean enabled() {
        return enabled.get();
    }

    /** FCALL of {@code function}; failures other than the ones above complete the future with the raw exception. */
    <R> CompletableFuture<R> send(
            ScriptCommands commands,
            LuaScript<R> script,
            LuaScript.Function function,
            String[] keys,
            String[] args,
            Supplier<CompletableFuture<R>> fallback) {
        return fcall(commands, script, function, keys, args).exceptionallyCompose(e -> {
            if (isOutOfMemory(RedisFailure.unwrap(e))) {
                return fallback.get();
            }
            if (!isMissing(RedisFailure.unwrap(e))) {
                return fallBackIfRefused(e, fallback);
            }
            return load(commands, function.library())
                    .thenCompose(loaded -> loaded
                            ? fcall(commands, script, function, keys, args)
                                    .exceptionallyCompose(again -> fallBackIfRefused(again, fallback))
                            : fallback.get());
        });
    }

    private static <R> CompletableFuture<R> fcall(
            ScriptCommands commands, LuaScript<R> script, LuaScript.Function function, String[] keys, String[] args) {
        return commands.fcall(function.name(), script, keys, args);
    }

    /** Completes with true once the library is loaded, false if Redis refused to load it (functions are then off). */
    private CompletableFuture<Boolean> load(ScriptCommands commands, LuaLibrary library) {
        return commands.functionLoad(library.code()).thenApply(name -> true).exceptionallyCompose(e -> {
            Throwable failure = RedisFailure.unwrap(e);
            if (message(failure).contains("already exists")) {
                return CompletableFuture.completedFuture(true);
            }
            if (isRefusal(failure)) {
                disable(failure);
                return CompletableFuture.completedFuture(false);
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    private <R> CompletableFuture<R> fallBackIfRefused(Throwable e, Supplier<CompletableFuture<R>> fallback) {
        Throwable failure = RedisFailure.unwrap(e);
        if (isRefusal(failure)) {
            disable(failure);
            return fallback.get();
        }
        return CompletableFuture.failedFuture(failure);
    }

    private void disable(Throwable refusal) {
        if (enabled.compareAndSet(true, false)) {
            // Redis 6 repeats the command's first arguments (keys, session ids) after ", with args": not for a log
            String reason = String.valueOf(refusal.getMessage()).split(", with args", 2)[0];
            LOG.log(
                    System.Logger.Level.INFO,
                    "Redis refused Lua functions (" + reason + "): scripts are sent with EVALSHA from now on; this is"
                            + " expected before Redis 7, or for an ACL user without +fcall +function|load");
        }
    }

    /** {@code OOM command not allowed when used memory > 'maxmemory'}. */
    static boolean isOutOfMemory(Throwable failure) {
        return failure instanceof RedisCommandExecutionException
                && message(failure).startsWith("oom ");
    }

    /** {@code ERR Function not found}. */
    static boolean isMissing(Throwable failure) {
        return failure instanceof RedisCommandExecutionException
                && message(failure).startsWith("err function not found");
    }

    /**
     * Redis before 7.0 ({@code ERR unknown command 'fcall'}) or an ACL user without the commands ({@code NOPERM ...
     * 'fcall' command}, {@code 'function|load'}); not a {@code NOPERM} for a key, which EVALSHA would get too.
     */
    static boolean isRefusal(Throwable failure) {
        if (!(failure instanceof RedisCommandExecutionException)) {
            return false;
        }
        String message = message(failure);
        return message.startsWith("err unknown command")
                || (message.startsWith("noperm") && (message.contains("'fcall'") || message.contains("'function")));
    }

    private static String message(Throwable failure) {
        return String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    }
}
