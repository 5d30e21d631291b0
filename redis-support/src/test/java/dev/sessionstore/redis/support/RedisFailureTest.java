package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RedisFailureTest {
    private final TestExceptions exceptions = new TestExceptions();

    @Test
    void transientErrorReplies_areUnavailable() {
        for (String code : List.of(
                "LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY", "OOM", "NOAUTH", "WRONGPASS")) {
            var e = new RedisCommandExecutionException(code + " Redis says no, for now");
            assertThat(RedisFailure.of(e)).as(code).isEqualTo(RedisFailure.UNAVAILABLE);
            assertThat(exceptions.translate(e)).as(code).isInstanceOf(TestExceptions.Unavailable.class);
        }
        assertThat(RedisFailure.TRANSIENT_CODES)
                .contains("LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY");
    }

    @Test
    void lettucesOwnSubclasses_ofTransientReplies_areUnavailable() {
        assertThat(RedisFailure.of(new RedisLoadingException("LOADING Redis is loading the dataset in memory")))
                .isEqualTo(RedisFailure.UNAVAILABLE);
        assertThat(RedisFailure.of(new RedisBusyException("BUSY Redis is busy running a script.")))
                .isEqualTo(RedisFailure.UNAVAILABLE);
        assertThat(RedisFailure.of(new RedisReadOnlyException("READONLY You can't write against a read only replica.")))
                .isEqualTo(RedisFailure.UNAVAILABLE);
    }

    @Test
    void otherErrorReplies_areRejected_evenWhenTheyStartLikeATransientCode() {
        for (String message : List.of(
                "ERR Error running script (call to f_0123): @user_script:1: oops",
                "NOPERM this user has no permissions to run the 'evalsha' command",
                "WRONGTYPE Operation against a key holding the wrong kind of value",
                "BUSYGROUP Consumer Group name already exists",
                "BUSYKEY Target key name already exists.",
                "LOADINGX not a code we know")) {
            var e = new RedisCommandExecutionException(message);
            assertThat(RedisFailure.of(e)).as(message).isEqualTo(RedisFailure.REJECTED);
            assertThat(exceptions.translate(e)).as(message).isInstanceOf(TestExceptions.Rejected.class);
        }
    }

    @Test
    void connectionProblemsAndTimeouts_areUnavailable_wrappedOrNot() {
        for (Throwable e : List.of(
                new RedisConnectionException("Connection refused"),
                new RedisCommandTimeoutException("Command timed out after 500 millisecond(s)"),
                new RedisCommandInterruptedException(new InterruptedException()),
                new RedisException("Connection closed"),
                new TimeoutException())) {
            assertThat(RedisFailure.of(e)).as(e.toString()).isEqualTo(RedisFailure.UNAVAILABLE);
            assertThat(RedisFailure.of(new CompletionException(e))).isEqualTo(RedisFailure.UNAVAILABLE);
            assertThat(RedisFailure.of(new ExecutionException(e))).isEqualTo(RedisFailure.UNAVAILABLE);
        }
    }

    @Test
    void translate_keepsTheUnwrappedCause() {
        var busy = new RedisCommandExecutionException("BUSY Redis is busy running a script.");
        RuntimeException translated = exceptions.translate(new CompletionException(new ExecutionException(busy)));
        assertThat(translated).hasCause(busy).hasMessageContaining("BUSY");
    }
}
