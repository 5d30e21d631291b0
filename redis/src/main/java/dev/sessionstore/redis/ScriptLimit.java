package dev.sessionstore.redis;

import dev.sessionstore.SessionStoreException;

/**
 * The limits a script checks itself, replied as {@code {STATUS_LIMIT_EXCEEDED, LIMIT_<constant>, max,
 * actual}}. The scripts name them {@code LIMIT_<constant>}, declared from this enum ({@link
 * LuaText#CONSTANTS}); {@code LuaNamesTest} checks that the scripts use exactly these.
 */
enum ScriptLimit {
    MAX_SESSIONS_PER_USER("maxSessionsPerUser"),
    MAX_ATTRIBUTES("maxAttributes"),
    MAX_SESSION_BYTES("maxSessionBytes");

    private final String setting;

    ScriptLimit(String setting) {
        this.setting = setting;
    }

    /** The {@link dev.sessionstore.SessionLimits} setting, as {@link dev.sessionstore.LimitExceededException} names it. */
    String setting() {
        return setting;
    }

    /** The limit a script replied by its setting name. */
    static ScriptLimit of(Object replied) {
        for (ScriptLimit limit : values()) {
            if (limit.setting.equals(replied)) {
                return limit;
            }
        }
        throw new SessionStoreException("a session script replied an unknown limit: " + replied);
    }
}
