package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionStoreException;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.redis.support.RedisFailure;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store classifies Redis errors as coordination does ({@code CoordinationExceptionsTest} in the coordination
 * module walks the same codes): every transient code is unavailable (a 503 with Retry-After at the server).
 */
class StoreExceptionsTest {
    @Test
    void transientErrorReplies_areUnavailable() {
        for (String code : List.of("LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY")) {
            assertThat(RedisFailure.TRANSIENT_CODES).contains(code);
        }
        for (String code : RedisFailure.TRANSIENT_CODES) {
            RuntimeException e =
                    StoreExceptions.INSTANCE.translate(new RedisCommandExecutionException(code + " try again later"));
            assertThat(e).as(code).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void connectionProblemsAndTimeouts_areUnavailable() {
        assertThat(StoreExceptions.INSTANCE.translate(new RedisConnectionException("refused")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreExceptions.INSTANCE.translate(new RedisCommandTimeoutException("timed out")))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void otherErrorReplies_areRejected() {
        RuntimeException e =
                StoreExceptions.INSTANCE.translate(new RedisCommandExecutionException("ERR Error running script"));
        assertThat(e).isInstanceOf(SessionStoreException.class).isNotInstanceOf(StoreUnavailableException.class);
    }
}
