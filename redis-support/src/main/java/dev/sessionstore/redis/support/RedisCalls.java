package dev.sessionstore.redis.support;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs script calls and plain commands on a {@link RedisLink}, waiting at most its command timeout (plus a
 * small margin) and reporting every failure through the link's {@link RedisExceptions}, classified by {@link
 * RedisFailure}.
 *
 * <p>A script that a {@link LuaLibrary} holds is sent as {@code FCALL} of its function on a standalone or Sentinel
 * link, loading the library when Redis answers that the function does not exist; where Redis has no functions
 * (before 7.0) or the ACL user may not use them, this RedisCalls falls back to {@code EVALSHA} for good ({@link
 * FunctionCalls}). A Redis Cluster stays on {@code EVALSHA}: a library must be loaded on every master (a {@code
 * FUNCTION LOAD} reaches one node, and a node added or promoted later has none), while a script is cached by the
 * node that runs it on its first {@code NOSCRIPT}.
 *
 * <p>Any other script is sent as {@code EVALSHA}; only when Redis answers {@code NOSCRIPT} (after a restart, a
 * failover or {@code SCRIPT FLUSH}) is it sent again as {@code EVAL}, which also caches it. On a Redis Cluster
 * both go to the node owning the call's keys, so each node loads a script on its first {@code NOSCRIPT}.
 * Thread-safe.
 */
public final class RedisCalls {
    private static final long MARGIN_MILLIS = 50;

    private final RedisLink link;
    private final Duration timeout;
    private final RedisExceptions exceptions;
    private final FunctionCalls functions;
    private final Optional<DirectConnections> direct;

    public RedisCalls(RedisLink link) {
        this.link = link;
        this.timeout = link.settings().commandTimeout();
        this.exceptions = link.exceptions();
        this.functions = new FunctionCalls(!link.settings().cluster());
        this.direct = link.direct();
    }

    /**
     * Sends the call without waiting. The future fails with the raw Lettuce exception; {@link #await} translates
     * it.
     */
    public <R> CompletableFuture<R> send(ScriptCall<R> call) {
        return send(ScriptCommands.lettuce(link.async()), call);
    }

    private <R> CompletableFuture<R> send(ScriptCommands commands, ScriptCall<R> call) {
        LuaScript<R> script = call.script();
        String[] keys = call.keys();
        String[] args = call.args();
        Optional<LuaScript.Function> function = script.function();
        if (function.isPresent() && functions.enabled()) {
            return functions.send(
                    commands, script, function.get(), keys, args, () -> evalsha(commands, script, keys, args));
        }
        return evalsha(commands, script, keys, args);
    }

    /** Whether scripts that a library holds go by {@code FCALL}: not on a cluster, nor once Redis refused it. */
    public boolean usesFunctions() {
        return functions.enabled();
    }

    private static <R> CompletableFuture<R> evalsha(
            ScriptCommands commands, LuaScript<R> script, String[] keys, String[] args) {
        return commands.evalsha(script, keys, args)
                .exceptionallyCompose(e -> RedisFailure.unwrap(e) instanceof RedisNoScriptException
                        ? commands.eval(script, keys, args)
                        : CompletableFuture.failedFuture(RedisFailure.unwrap(e)));
    }

    /**
     * Sends the call and waits for its reply. On a standalone Redis ({@link DirectConnections}) a virtual thread
     * sends it on the {@link PipelinedConnection} that virtual threads share, and a platform thread under a light
     * load does the round trip itself on a {@link DirectConnection}; otherwise the call goes by the multiplexed
     * connection. A call whose own connection failed before its reply (the pipelined connection lost, or a lent one
     * that waited in the pool and turns out closed by Redis: a restart) is sent again by the multiplexed connection,
     * which also re-sends a command its connection lost: at least once, as Lettuce does.
     */
    public <R> R run(ScriptCall<R> call) {
        if (direct.isEmpty()) {
            return await(send(call));
        }
        DirectConnections pool = direct.get();
        if (Thread.currentThread().isVirtual()) {
            PipelinedConnection shared = pool.shared();
            if (shared == null) {
                return await(send(call));
            }
            CompletableFuture<R> reply = send(shared, call);
            if (reply.isCompletedExceptionally()
                    && RedisFailure.unwrap(reply.exceptionNow()) instanceof PipelinedConnection.Lost) {
                return await(send(call));
            }
            return await(reply);
        }
        DirectConnection connection = pool.enter();
        try {
            if (connection == null) {
                return await(send(call));
            }
            CompletableFuture<R> reply = send(connection, call);
            if (reply.isCompletedExceptionally() && connection.diedWhileIdle()) {
                pool.discardIdle();
                return await(send(call));
            }
            return await(reply);
        } finally {
            pool.exit(connection);
        }
    }

    /**
     * Sends the call, then {@code WAIT} on the connection that carried it ({@link RedisLink#waitForReplicas}), and
     * returns the call's reply once {@code ack.replicas()} replicas have acknowledged it. Waits at most the command
     * timeout for the call plus {@code ack.timeout()} for the replicas.
     *
     * @throws RuntimeException {@link RedisExceptions#unavailable} when fewer replicas acknowledged within {@code
     *     ack.timeout()}: the write is done on the master but may be lost if it fails now
     */
    public <R> R runAcknowledged(ScriptCall<R> call, ReplicaAcknowledgement ack) {
        String key = call.keys()[0];
        CompletableFuture<R> acknowledged = send(call)
                .thenCompose(reply -> link.waitForReplicas(key, ack.replicas(), ack.timeout())
                        .thenApply(replicas -> {
                            if (replicas < ack.replicas()) {
                                throw new TooFewReplicas(call.script().name() + " was written on the master but only "
                                        + replicas + " of " + ack.replicas()
                                        + " required replicas acknowledged it within "
                                        + ack.timeout().toMillis() + " ms (WAIT): it may be lost in a failover");
                            }
                            return reply;
                        }));
        return await(acknowledged, timeout.plus(ack.timeout()));
    }

    /** Sends one plain command, for example {@code c -> c.get(key)}, and waits for its reply. */
    public <T> T call(Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
        return await(command.apply(link.async()).toCompletableFuture());
    }

    /** Waits for a reply within the command timeout, translating failures. */
    public <T> T await(CompletableFuture<T> reply) {
        return await(reply, timeout);
    }

    private <T> T await(CompletableFuture<T> reply, Duration within) {
        try {
            return reply.get(within.toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw exceptions.unavailable("Redis did not answer within " + within, e);
        } catch (ExecutionException e) {
            if (RedisFailure.unwrap(e) instanceof TooFewReplicas few) {
                throw exceptions.unavailable(few.message, few);
            }
            throw exceptions.translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw exceptions.unavailable("interrupted while waiting for Redis", e);
        }
    }

    /** {@code WAIT} answered fewer replicas than required. */
    private static final class TooFewReplicas extends RuntimeException {
        private final String message;

        TooFewReplicas(String message) {
            super(message, null, false, false);
            this.message = message;
        }
    }

    /**
     * Runs {@code call} on a caller's synchronous commands, whose connection and timeout are the caller's: with
     * the same {@code NOSCRIPT} fallback, and failures reported through {@code exceptions}.
     */
    public static <R> R run(
            RedisClusterCommands<String, String> commands, ScriptCall<R> call, RedisExceptions exceptions) {
        LuaScript<R> script = call.script();
        String[] keys = call.keys();
        String[] args = call.args();
        return call(
                () -> {
                    try {
                        return commands.<R>evalsha(script.sha(), script.output(), keys, args);
                    } catch (RedisNoScriptException e) {
                        return commands.<R>eval(script.text(), script.output(), keys, args);
                    }
                },
                exceptions);
    }

    /** Runs one command on a caller's synchronous commands, failures reported through {@code exceptions}. */
    public static <T> T call(Supplier<T> command, RedisExceptions exceptions) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw exceptions.translate(e);
        }
    }
}
