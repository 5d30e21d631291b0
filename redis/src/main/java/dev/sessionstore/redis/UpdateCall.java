package dev.sessionstore.redis;

import dev.sessionstore.JsonValue;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link Script#UPDATE}. KEYS: the session. ARGV: base, sid, expected version or '', maxAttributes,
 * maxSessionBytes, the event retention, then (@name, json or '' to remove) per change.
 */
record UpdateCall(
        String session,
        String base,
        String sid,
        OptionalLong expectedVersion,
        int maxAttributes,
        int maxSessionBytes,
        String events,
        Map<String, Optional<JsonValue>> changes)
        implements ScriptCall<List<Object>> {

    static UpdateCall of(RedisKeys keys, SessionId id, SessionUpdate update, SessionPolicy policy, Outbox outbox) {
        return new UpdateCall(
                keys.session(id),
                keys.base(id.tag()),
                RedisKeys.sid(id),
                update.expectedVersion(),
                policy.limits().maxAttributes(),
                policy.limits().maxSessionBytes(),
                outbox.arg(),
                update.changes());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.UPDATE.lua();
    }

    @Override
    public String[] keys() {
        return new String[] {session};
    }

    @Override
    public String[] args() {
        List<String> a = new ArrayList<>(6 + 2 * changes.size());
        a.add(base);
        a.add(sid);
        a.add(expectedVersion.isPresent() ? Long.toString(expectedVersion.getAsLong()) : "");
        a.add(Integer.toString(maxAttributes));
        a.add(Integer.toString(maxSessionBytes));
        a.add(events);
        changes.forEach((name, value) -> {
            a.add(SessionCodec.ATTRIBUTE + name);
            a.add(value.map(JsonValue::json).orElse(""));
        });
        return a.toArray(String[]::new);
    }
}
