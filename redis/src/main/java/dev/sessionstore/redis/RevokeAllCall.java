package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.List;
import java.util.Optional;

/** {@link Script#REVOKE_ALL}. KEYS: the user index state of the user's tag. ARGV: base, userId, sid to keep or '', the event retention. Replies {OK, sid...} of the revoked. */
record RevokeAllCall(String userIndex, String base, String userId, Optional<String> keepSid, String events)
        implements ScriptCall<List<Object>> {

    /** {@code keep} is kept only if it is in the user's tag (no session of the user is elsewhere). */
    static RevokeAllCall of(RedisKeys keys, String userId, Optional<SessionId> keep, Outbox outbox) {
        String tag = SessionToken.tagFor(userId);
        return new RevokeAllCall(
                keys.userIndex(tag),
                keys.base(tag),
                userId,
                keep.filter(id -> id.tag().equals(tag)).map(RedisKeys::sid),
                outbox.arg());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.REVOKE_ALL.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {userIndex};
    }

    @Override
    public String[] args() {
        return new String[] {base, userId, keepSid.orElse(""), events};
    }
}
