package dev.sessionstore.redis;

import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/** {@link Script#LIST_USER}. KEYS: the user index state of the user's tag. ARGV: base, userId. Replies one array per live session: sid, meta, fields. */
record ListUserCall(String userIndex, String base, String userId) implements ScriptCall<List<Object>> {

    static ListUserCall of(RedisKeys keys, String userId) {
        String tag = SessionToken.tagFor(userId);
        return new ListUserCall(keys.userIndex(tag), keys.base(tag), userId);
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.LIST_USER.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {userIndex};
    }

    @Override
    public String[] args() {
        return new String[] {base, userId};
    }
}
