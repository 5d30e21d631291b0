package dev.sessionstore.redis;

import dev.sessionstore.redis.support.LuaScript;
import java.util.List;

/**
 * The store's Lua scripts: every web-path operation is one of them, run with {@code EVALSHA} (falling back
 * to {@code EVAL} after a {@code NOSCRIPT}). This is the one place that holds Lua; each script has one call
 * type, a record {@code <Script>Call} naming its KEYS and ARGV; {@code docs/redis-layout.md} describes each script.
 *
 * <p>Conventions shared by all scripts: {@code ARGV[1]} is the key base {@code <prefix>:{<tag>}:} of the
 * shard tag of {@code KEYS[1]}; every other key a script touches is derived from that base, so it has
 * the same hash tag and lies in the same Redis Cluster slot. Time is Redis server time ({@code TIME}).
 * Replies are arrays whose first element is a {@link ReplyStatus} (the listings reply rows only). Each
 * script's text is {@link LuaText#CONSTANTS}, the shared helpers and its body.
 */
enum Script {
    CREATE(LuaText.CREATE),
    READ(LuaText.READ),
    UPDATE(LuaText.UPDATE),
    ROTATE(LuaText.ROTATE),
    REVOKE(LuaText.REVOKE),
    LIST_USER(LuaText.LIST_USER),
    LIST_USER_PAGE(LuaText.LIST_USER_PAGE),
    LIST_INDEX_PAGE(LuaText.LIST_INDEX_PAGE),
    REVOKE_ALL(LuaText.REVOKE_ALL),
    EXPIRE(LuaText.EXPIRE);

    private final String body;
    private final LuaScript<List<Object>> lua;

    Script(String body) {
        this.body = body;
        this.lua = LuaScript.array(name(), LuaText.CONSTANTS + LuaText.COMMON + LuaText.USER_INDEX + body);
    }

    /** The script as Redis runs it. */
    LuaScript<List<Object>> lua() {
        return lua;
    }

    /** The full Lua source, shared helpers included. */
    String text() {
        return lua.text();
    }

    /** The SHA-1 Redis knows the script by. */
    String sha() {
        return lua.sha();
    }

    /** The script's own part, without the constants and helpers. */
    String body() {
        return body;
    }
}
