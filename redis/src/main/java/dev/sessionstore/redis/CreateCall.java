package dev.sessionstore.redis;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.ScriptCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Script#CREATE}. KEYS: the session, the user index state (with a user), one value index per index value.
 * ARGV: base, sid, userId or '', idle ms, life ms, cap, cap policy, the event retention, n = number of index values, n × (name, value),
 * then (@name, json) per attribute.
 */
record CreateCall(
        String session,
        Optional<String> userIndex,
        List<IndexValue> indexes,
        String base,
        String sid,
        Optional<String> userId,
        Duration idle,
        Duration life,
        int cap,
        CapPolicy capPolicy,
        String events,
        Map<String, JsonValue> attributes)
        implements ScriptCall<List<Object>> {

    /** One index value: its zset (a key) and its name and value (arguments). */
    record IndexValue(String key, String name, String value) {}

    static CreateCall of(
            RedisKeys keys,
            SessionToken token,
            NewSession spec,
            Duration idle,
            Duration life,
            SessionPolicy policy,
            Outbox outbox) {
        String tag = token.tag();
        List<IndexValue> indexes = new ArrayList<>(spec.indexes().size());
        spec.indexes().forEach((name, value) -> indexes.add(new IndexValue(keys.index(tag, name, value), name, value)));
        return new CreateCall(
                keys.session(token),
                spec.userId().map(u -> keys.userIndex(tag)),
                indexes,
                keys.base(tag),
                RedisKeys.sid(token.id()),
                spec.userId(),
                idle,
                life,
                policy.limits().maxSessionsPerUser(),
                policy.capPolicy(),
                outbox.arg(),
                spec.attributes());
    }

    @Override
    public LuaScript<List<Object>> script() {
        return Script.CREATE.lua();
    }

    @Override
    public String[] keys() {
        List<String> k = new ArrayList<>(2 + indexes.size());
        k.add(session);
        userIndex.ifPresent(k::add);
        indexes.forEach(i -> k.add(i.key()));
        return k.toArray(String[]::new);
    }

    @Override
    public String[] args() {
        List<String> a = new ArrayList<>(9 + 2 * indexes.size() + 2 * attributes.size());
        a.add(base);
        a.add(sid);
        a.add(userId.orElse(""));
        a.add(Long.toString(idle.toMillis()));
        a.add(Long.toString(life.toMillis()));
        a.add(Integer.toString(cap));
        a.add(capPolicy.name());
        a.add(events);
        a.add(Integer.toString(indexes.size()));
        indexes.forEach(i -> {
            a.add(i.name());
            a.add(i.value());
        });
        attributes.forEach((name, value) -> {
            a.add(SessionCodec.ATTRIBUTE + name);
            a.add(value.json());
        });
        return a.toArray(String[]::new);
    }
}
