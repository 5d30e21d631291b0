package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/** {@link Script#ROTATE}. KEYS: the old session, the new session (same tag). ARGV: base, old sid, new sid, the event
 * retention. */
record RotateCall(String oldSession, String newSession, String base, String oldSid, String newSid, String events)
        implements ScriptCall<List<Object>> {

    static RotateCall of(RedisKeys keys, SessionId old, SessionId next, Outbox outbox) {
        return new RotateCall(
                keys.session(old),
                keys.session(next),
                keys.base(next.tag()),
                RedisKeys.sid(old),
                RedisKeys.sid(next),
                outbox.arg());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.ROTATE.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {oldSession, newSession};
    }

    @Override
    public String[] args() {
        return new String[] {base, oldSid, newSid, events};
    }
}
