package dev.sessionstore.redis.support;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;

/**
 * The four commands that run a {@link LuaScript}, on Lettuce's multiplexed connection ({@link #lettuce}) or on a
 * {@link DirectConnection} (whose futures are complete when returned). A failed future holds the raw Lettuce
 * exception: an error reply is a {@link io.lettuce.core.RedisCommandExecutionException} (or the subclass Lettuce
 * makes of it, such as {@link io.lettuce.core.RedisNoScriptException}).
 */
interface ScriptCommands {
    <R> CompletableFuture<R> fcall(String function, LuaScript<R> script, String[] keys, String[] args);

    /** {@code FUNCTION LOAD}: completes with the library's name. */
    CompletableFuture<String> functionLoad(String code);

    <R> CompletableFuture<R> evalsha(LuaScript<R> script, String[] keys, String[] args);

    <R> CompletableFuture<R> eval(LuaScript<R> script, String[] keys, String[] args);

    static ScriptCommands lettuce(RedisClusterAsyncCommands<String, String> commands) {
        return new Lettuce(commands);
    }

    /** Lettuce's asynchronous commands; on a cluster each call goes to the node owning its first key. */
    record Lettuce(RedisClusterAsyncCommands<String, String> commands) implements ScriptCommands {
        @Override
        public <R> CompletableFuture<R> fcall(String function, LuaScript<R> script, String[] keys, String[] args) {
            return commands.<R>fcall(function, script.output(), keys, args).toCompletableFuture();
        }

        @Override
        public CompletableFuture<String> functionLoad(String code) {
            return commands.functionLoad(code).toCompletableFuture();
        }

        @Override
        public <R> CompletableFuture<R> evalsha(LuaScript<R> script, String[] keys, String[] args) {
            return commands.<R>evalsha(script.sha(), script.output(), keys, args)
                    .toCompletableFuture();
        }

        @Override
        public <R> CompletableFuture<R> eval(LuaScript<R> script, String[] keys, String[] args) {
            return commands.<R>eval(script.text(), script.output(), keys, args).toCompletableFuture();
        }
    }
}
