package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.CoordinationException;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.redis.support.RedisExceptions;

/**
 * Coordination's exceptions for Redis failures: {@link CoordinationUnavailableException} when retrying may help
 * (the breakers then fall back to their local state), {@link CoordinationException} when Redis refused the call.
 */
enum CoordinationExceptions implements RedisExceptions {
    INSTANCE;

    @Override
    public RuntimeException unavailable(String message, Throwable cause) {
        return new CoordinationUnavailableException(message, cause);
    }

    @Override
    public RuntimeException rejected(String message, Throwable cause) {
        return new CoordinationException(message, cause);
    }
}
