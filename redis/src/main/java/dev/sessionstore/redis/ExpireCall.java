package dev.sessionstore.redis;

import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/**
 * {@link Script#EXPIRE}. KEYS: the tag's timer zset. ARGV: base, the most sessions to expire in this call, the event
 * retention. Replies {OK, events written, timer entries read}.
 */
record ExpireCall(String timers, String base, int max, String events) implements ScriptCall<List<Object>> {

    static ExpireCall of(RedisKeys keys, String tag, int max, Outbox outbox) {
        return new ExpireCall(keys.timers(tag), keys.base(tag), max, outbox.arg());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.EXPIRE.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {timers};
    }

    @Override
    public String[] args() {
        return new String[] {base, Integer.toString(max), events};
    }
}
