package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/** {@link Script#READ}. KEYS: the session. ARGV: base, sid, '1' to slide the idle expiry or '0' to only read,
 * the event retention ({@link Outbox#arg()}). */
record ReadCall(String session, String base, String sid, boolean slide, String events)
        implements ScriptCall<List<Object>> {

    static ReadCall of(RedisKeys keys, SessionId id, boolean slide, Outbox outbox) {
        return new ReadCall(keys.session(id), keys.base(id.tag()), RedisKeys.sid(id), slide, outbox.arg());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.READ.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {session};
    }

    @Override
    public String[] args() {
        return new String[] {base, sid, slide ? "1" : "0", events};
    }
}
