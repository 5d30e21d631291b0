package dev.sessionstore.redis;

import dev.sessionstore.SessionStoreException;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.redis.support.RedisExceptions;

/** The store's exceptions for Redis failures: {@link StoreUnavailableException} when retrying may help. */
enum StoreExceptions implements RedisExceptions {
    INSTANCE;

    @Override
    public RuntimeException unavailable(String message, Throwable cause) {
        return new StoreUnavailableException(message, cause);
    }

    @Override
    public RuntimeException rejected(String message, Throwable cause) {
        return new SessionStoreException(message, cause);
    }
}
