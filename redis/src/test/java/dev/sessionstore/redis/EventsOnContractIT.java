package dev.sessionstore.redis;

/**
 * With events on, the Redis store still passes the whole store contract: the outbox and the timers change nothing a
 * caller sees.
 */
class EventsOnContractIT extends RedisSessionStoreIT {
    @Override
    protected RedisSessionStoreBuilder configure(RedisSessionStoreBuilder builder) {
        return builder.events(true);
    }
}
