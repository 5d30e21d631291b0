package dev.sessionstore.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The store's Lua scripts: every web-path operation is one of them, run with {@code EVALSHA} (falling back
 * to {@code EVAL} after a {@code NOSCRIPT}). This is the one place that holds Lua; {@code
 * docs/redis-layout.md} describes each script.
 *
 * <p>Conventions shared by all scripts: {@code ARGV[1]} is the key base {@code <prefix>:{<tag>}:} of the
 * shard tag of {@code KEYS[1]}; every other key a script touches is derived from that base, so it has
 * the same hash tag and lies in the same Redis Cluster slot. Time is Redis server time ({@code TIME}).
 * Replies are arrays whose first element is a status: 0 not found, 1 ok, 2 version conflict, 3 limit
 * exceeded.
 */
enum Script {
    /** KEYS: session, [user index state], [value indexes]. ARGV: base, sid, userId|'', idle, life, cap, policy, n, n×(name, value), (@name, json)... */
    CREATE(LuaText.CREATE),
    /** KEYS: session. ARGV: base, sid, '1' to slide the idle expiry or '0' to only read. */
    READ(LuaText.READ),
    /** KEYS: session. ARGV: base, sid, expected version|'', maxAttributes, maxSessionBytes, (@name, json|'')... */
    UPDATE(LuaText.UPDATE),
    /** KEYS: old session, new session. ARGV: base, old sid, new sid. */
    ROTATE(LuaText.ROTATE),
    /** KEYS: session. ARGV: base, sid. Replies the session as it was, or {0}. */
    REVOKE(LuaText.REVOKE),
    /** KEYS: user index state. ARGV: base, userId. Replies with one array per live session: sid, meta, fields. */
    LIST_USER(LuaText.LIST_USER),
    /** KEYS: a value index. ARGV: base. Replies as LIST_USER. */
    LIST_INDEX(LuaText.LIST_INDEX),
    /** KEYS: user index state. ARGV: base, userId, sid to keep|''. Replies {1, sid...} of the revoked. */
    REVOKE_ALL(LuaText.REVOKE_ALL);

    private final String text;
    private final String sha;

    Script(String body) {
        this.text = LuaText.COMMON + LuaText.USER_INDEX + body;
        this.sha = sha1(text);
    }

    /** The full Lua source, shared helpers included. */
    String text() {
        return text;
    }

    /** The SHA-1 Redis knows the script by. */
    String sha() {
        return sha;
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
