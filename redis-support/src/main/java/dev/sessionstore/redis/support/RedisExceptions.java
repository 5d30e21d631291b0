package dev.sessionstore.redis.support;

import io.lettuce.core.RedisConnectionException;

/**
 * How a module reports Redis failures in its own exception tree: the store with {@code
 * StoreUnavailableException} and {@code SessionStoreException}, coordination with {@code
 * CoordinationUnavailableException} and {@code CoordinationException}. {@link #translate} applies the one
 * {@link RedisFailure} classification, so both modules agree on what is retryable.
 */
public interface RedisExceptions {
    /** Redis could not be reached or did not answer in time; the caller may retry. */
    RuntimeException unavailable(String message, Throwable cause);

    /** Redis refused the call itself; retrying does not help. */
    RuntimeException rejected(String message, Throwable cause);

    /**
     * For code without an exception tree of its own (the server's jobs and admin connection): Lettuce's {@link
     * RedisConnectionException} when Redis is unavailable, a plain {@link io.lettuce.core.RedisException} when it refused.
     */
    static RedisExceptions lettuce() {
        return LettuceExceptions.INSTANCE;
    }

    /** The module's exception for {@code failure}, with the failure as its cause. */
    default RuntimeException translate(Throwable failure) {
        Throwable e = RedisFailure.unwrap(failure);
        return switch (RedisFailure.of(e)) {
            case UNAVAILABLE -> unavailable("Redis is unavailable: " + e.getMessage(), e);
            case REJECTED -> rejected("Redis rejected the call: " + e.getMessage(), e);
        };
    }
}
