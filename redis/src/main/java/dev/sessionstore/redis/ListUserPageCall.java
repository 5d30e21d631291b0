package dev.sessionstore.redis;

import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/**
 * {@link Script#LIST_USER_PAGE}. KEYS: the user index state of the user's tag. ARGV: base, userId, the position's
 * score and member (a bucket member, {@code ""}: the start), the most entries to read. Replies as {@link
 * ListIndexPageCall}.
 */
record ListUserPageCall(String userIndex, String base, String userId, ListingPosition from, int max)
        implements ScriptCall<List<Object>> {

    static ListUserPageCall of(RedisKeys keys, String userId, ListingPosition from, int max) {
        String tag = from.tagText();
        return new ListUserPageCall(keys.userIndex(tag), keys.base(tag), userId, from, max);
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.LIST_USER_PAGE.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {userIndex};
    }

    @Override
    public String[] args() {
        return new String[] {base, userId, Long.toString(from.score()), from.member(), Integer.toString(max)};
    }
}
