package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.coordination.CoordinationException;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.redis.support.RedisFailure;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coordination classifies Redis errors as the store does ({@code StoreExceptionsTest} in the redis module walks
 * the same codes): every transient code is unavailable, so breakers fall back locally instead of failing.
 */
class CoordinationExceptionsTest {
    @Test
    void transientErrorReplies_areUnavailable() {
        for (String code : List.of("LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY")) {
            assertThat(RedisFailure.TRANSIENT_CODES).contains(code);
        }
        for (String code : RedisFailure.TRANSIENT_CODES) {
            RuntimeException e = CoordinationExceptions.INSTANCE.translate(
                    new RedisCommandExecutionException(code + " try again later"));
            assertThat(e).as(code).isInstanceOf(CoordinationUnavailableException.class);
        }
    }

    @Test
    void connectionProblemsAndTimeouts_areUnavailable() {
        assertThat(CoordinationExceptions.INSTANCE.translate(new RedisConnectionException("refused")))
                .isInstanceOf(CoordinationUnavailableException.class);
        assertThat(CoordinationExceptions.INSTANCE.translate(new RedisCommandTimeoutException("timed out")))
                .isInstanceOf(CoordinationUnavailableException.class);
    }

    @Test
    void otherErrorReplies_areRejected() {
        RuntimeException e = CoordinationExceptions.INSTANCE.translate(
                new RedisCommandExecutionException("ERR Error running script"));
        assertThat(e).isInstanceOf(CoordinationException.class).isNotInstanceOf(CoordinationUnavailableException.class);
    }
}
