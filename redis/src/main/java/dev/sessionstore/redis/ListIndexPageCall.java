package dev.sessionstore.redis;

import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;

/**
 * {@link Script#LIST_INDEX_PAGE}. KEYS: the value index of one tag. ARGV: base, the position's score and member
 * ({@code ""}: the start of the tag), the most entries to read. Replies {@code {more, end score, end member, row...}},
 * a row {@code {sid, score, c, a, i, d, v, field, value, ...}} per live session.
 */
record ListIndexPageCall(String valueIndex, String base, ListingPosition from, int max)
        implements ScriptCall<List<Object>> {

    static ListIndexPageCall of(RedisKeys keys, String name, String value, ListingPosition from, int max) {
        String tag = from.tagText();
        return new ListIndexPageCall(keys.index(tag, name, value), keys.base(tag), from, max);
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.LIST_INDEX_PAGE.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {valueIndex};
    }

    @Override
    public String[] args() {
        return new String[] {base, Long.toString(from.score()), from.member(), Integer.toString(max)};
    }
}
