package dev.sessionstore.redis;

import dev.sessionstore.CapPolicy;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionToken;
import dev.sessionstore.SessionUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The KEYS and ARGV of the scripts with many arguments, in the order {@link Script} documents.
 *
 * @param script the script to run
 * @param keys its KEYS, all with one hash tag
 * @param args its ARGV
 */
record ScriptCall(Script script, List<String> keys, List<String> args) {

    /** CREATE: the session, user index state and value index keys; the settings, index values and attributes. */
    static ScriptCall create(
            RedisKeys keys, SessionToken token, NewSession spec, Duration idle, Duration life, SessionPolicy policy) {
        String tag = token.tag();
        List<String> k = new ArrayList<>(List.of(keys.session(token)));
        spec.userId().ifPresent(u -> k.add(keys.userIndex(tag)));
        List<String> a = new ArrayList<>(List.of(
                keys.base(tag),
                RedisKeys.sid(token.id()),
                spec.userId().orElse(""),
                Long.toString(idle.toMillis()),
                Long.toString(life.toMillis()),
                Integer.toString(policy.limits().maxSessionsPerUser()),
                policy.capPolicy() == CapPolicy.REFUSE ? "refuse" : "evict",
                Integer.toString(spec.indexes().size())));
        spec.indexes().forEach((name, value) -> {
            k.add(keys.index(tag, name, value));
            a.add(name);
            a.add(value);
        });
        spec.attributes().forEach((name, value) -> {
            a.add(SessionCodec.ATTRIBUTE + name);
            a.add(value.json());
        });
        return new ScriptCall(Script.CREATE, k, a);
    }

    /** UPDATE: the expected version ('' for none), the limits on totals, then each change ('' removes). */
    static ScriptCall update(RedisKeys keys, SessionId id, SessionUpdate update, SessionPolicy policy) {
        List<String> a = new ArrayList<>(List.of(
                keys.base(id.tag()),
                RedisKeys.sid(id),
                update.expectedVersion().isPresent()
                        ? Long.toString(update.expectedVersion().getAsLong())
                        : "",
                Integer.toString(policy.limits().maxAttributes()),
                Integer.toString(policy.limits().maxSessionBytes())));
        update.changes().forEach((name, value) -> {
            a.add(SessionCodec.ATTRIBUTE + name);
            a.add(value.map(JsonValue::json).orElse(""));
        });
        return new ScriptCall(Script.UPDATE, List.of(keys.session(id)), a);
    }
}
