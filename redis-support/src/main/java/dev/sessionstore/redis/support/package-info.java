/**
 * Lettuce clients on a shared {@code ClientResources} ({@link dev.sessionstore.redis.support.RedisLink}), typed
 * script calls ({@code FCALL} of a {@link dev.sessionstore.redis.support.LuaLibrary} where Redis has functions,
 * else {@code EVALSHA} with the {@code NOSCRIPT} fallback: {@link
 * dev.sessionstore.redis.support.RedisCalls}) and the one classification of Redis errors ({@link
 * dev.sessionstore.redis.support.RedisFailure}).
 */
@NullMarked
package dev.sessionstore.redis.support;

import org.jspecify.annotations.NullMarked;
