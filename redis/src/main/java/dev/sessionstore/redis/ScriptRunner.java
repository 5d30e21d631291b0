package dev.sessionstore.redis;

import dev.sessionstore.SessionStoreException;
import dev.sessionstore.StoreUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Script}: {@code EVALSHA}, and {@code EVAL} (which also caches the script) only when Redis
 * answers {@code NOSCRIPT}, after a restart or a {@code SCRIPT FLUSH}. Waits at most the command timeout
 * (plus a small margin) and turns every connection problem into {@link StoreUnavailableException}.
 */
final class ScriptRunner {
    private static final long MARGIN_MILLIS = 50;
    private static final List<String> UNAVAILABLE_ERRORS = List.of(
            "LOADING", "READONLY", "BUSY", "MASTERDOWN", "CLUSTERDOWN", "TRYAGAIN", "OOM", "NOAUTH", "WRONGPASS");

    private final RedisConnector connector;
    private final Duration timeout;

    ScriptRunner(RedisConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeout = timeout;
    }

    /** Sends the script without waiting; the future fails with the raw Lettuce exception. */
    CompletableFuture<List<Object>> send(Script script, List<String> keys, List<String> args) {
        RedisClusterAsyncCommands<String, String> commands = connector.async();
        String[] k = keys.toArray(String[]::new);
        String[] a = args.toArray(String[]::new);
        return commands.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, k, a)
                .toCompletableFuture()
                .exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
                        ? commands.<List<Object>>eval(script.text(), ScriptOutputType.MULTI, k, a)
                                .toCompletableFuture()
                        : CompletableFuture.failedFuture(unwrap(e)));
    }

    /** Runs a call and waits for its reply. */
    List<Object> run(ScriptCall call) {
        return run(call.script(), call.keys(), call.args());
    }

    /** Sends the script and waits for its reply. */
    List<Object> run(Script script, List<String> keys, List<String> args) {
        return await(send(script, keys, args));
    }

    /** Waits for a reply within the command timeout, translating failures. */
    <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.get(timeout.toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new StoreUnavailableException("Redis did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw translate(unwrap(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Redis", e);
        }
    }

    /** A Redis error becomes a store exception: unavailable unless Redis rejected the script itself. */
    static SessionStoreException translate(Throwable e) {
        if (e instanceof SessionStoreException s) {
            return s;
        }
        if (e instanceof RedisCommandExecutionException && !isUnavailableError(e.getMessage())) {
            return new SessionStoreException("Redis rejected a session script: " + e.getMessage(), e);
        }
        return new StoreUnavailableException("Redis is unavailable: " + e.getMessage(), e);
    }

    private static boolean isUnavailableError(@Nullable String message) {
        return message != null && UNAVAILABLE_ERRORS.stream().anyMatch(message::startsWith);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
