package dev.sessionstore.redis;

import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/** {@link Script#LIST_INDEX}. KEYS: the value index of one tag. ARGV: base. Replies as {@link ListUserCall}. */
record ListIndexCall(String valueIndex, String base) implements ScriptCall<List<Object>> {

    static ListIndexCall of(RedisKeys keys, String tag, String name, String value) {
        return new ListIndexCall(keys.index(tag, name, value), keys.base(tag));
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.LIST_INDEX.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {valueIndex};
    }

    @Override
    public String[] args() {
        return new String[] {base};
    }
}
