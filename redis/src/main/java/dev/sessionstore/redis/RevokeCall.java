package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/** {@link Script#REVOKE}. KEYS: the session. ARGV: base, sid, the event retention. Replies the session as it was, or {NOT_FOUND}. */
record RevokeCall(String session, String base, String sid, String events) implements ScriptCall<List<Object>> {

    static RevokeCall of(RedisKeys keys, SessionId id, Outbox outbox) {
        return new RevokeCall(keys.session(id), keys.base(id.tag()), RedisKeys.sid(id), outbox.arg());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.REVOKE.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {session};
    }

    @Override
    public String[] args() {
        return new String[] {base, sid, events};
    }
}
