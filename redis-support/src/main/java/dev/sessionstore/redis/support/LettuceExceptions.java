package dev.sessionstore.redis.support;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

/** {@link RedisExceptions#lettuce()}. */
enum LettuceExceptions implements RedisExceptions {
    INSTANCE;

    @Override
    public RuntimeException unavailable(String message, Throwable cause) {
        return new RedisConnectionException(message, cause);
    }

    @Override
    public RuntimeException rejected(String message, Throwable cause) {
        return new RedisException(message, cause);
    }
}
