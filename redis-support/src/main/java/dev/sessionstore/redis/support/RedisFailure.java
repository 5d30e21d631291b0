package dev.sessionstore.redis.support;

import io.lettuce.core.RedisCommandExecutionException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The one classification of a failed Redis call, used by the store and by coordination alike.
 *
 * <ul>
 *   <li>{@link #UNAVAILABLE}: Redis could not answer now, and the same call may succeed later: no connection,
 *       no reply within the command timeout, or an error reply whose code is one of {@link
 *       #TRANSIENT_CODES} (loading its data, busy with a long script, a cluster or replica not ready, a
 *       replica that is read-only after a failover, out of memory, not authenticated yet).
 *   <li>{@link #REJECTED}: Redis answered with any other error ({@code ERR ...} from a script, {@code
 *       NOPERM}, {@code WRONGTYPE}): retrying the same call gives the same answer.
 * </ul>
 */
public enum RedisFailure {
    UNAVAILABLE,
    REJECTED;

    /**
     * The error codes (first word of the error reply) that mean Redis is temporarily unable to serve. Matched
     * as whole words: {@code BUSYGROUP} and {@code BUSYKEY} are rejections, not {@code BUSY}.
     */
    public static final Set<String> TRANSIENT_CODES = Set.of(
            "LOADING",
            "BUSY",
            "CLUSTERDOWN",
            "TRYAGAIN",
            "MASTERDOWN",
            "READONLY",
            "NOREPLICAS",
            "MISCONF",
            "OOM",
            "NOAUTH",
            "WRONGPASS");

    /**
     * Classifies {@code failure}, after unwrapping {@link CompletionException} and {@link ExecutionException}:
     * an error reply ({@link RedisCommandExecutionException}) is {@link #REJECTED} unless its code is
     * transient; every other failure (connection, timeout, interruption, cancellation) is {@link
     * #UNAVAILABLE}.
     */
    public static RedisFailure of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof RedisCommandExecutionException && !TRANSIENT_CODES.contains(code(e.getMessage()))) {
            return REJECTED;
        }
        return UNAVAILABLE;
    }

    /** The error code of a Redis error reply: its first word, for example {@code LOADING}; "" if none. */
    static String code(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int space = message.indexOf(' ');
        return space < 0 ? message : message.substring(0, space);
    }

    /** The cause inside {@link CompletionException}s and {@link ExecutionException}s. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
