/**
 * Lettuce clients on a shared {@code ClientResources} ({@link dev.sessionstore.redis.support.RedisLink}), typed
 * script calls with {@code EVALSHA} and the {@code NOSCRIPT} fallback ({@link
 * dev.sessionstore.redis.support.RedisCalls}) and the one classification of Redis errors ({@link
 * dev.sessionstore.redis.support.RedisFailure}).
 */
@NullMarked
package dev.sessionstore.redis.support;

import org.jspecify.annotations.NullMarked;
