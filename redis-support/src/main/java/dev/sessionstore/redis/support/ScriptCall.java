package dev.sessionstore.redis.support;

/**
 * One call of a {@link LuaScript}: its KEYS and ARGV. Each script has one implementing type, a record whose
 * components name the keys and arguments, so no call site builds KEYS or ARGV by hand. On a Redis Cluster
 * every key of a call must hash to one slot (the call goes to the node owning {@code keys()[0]}).
 *
 * @param <R> the reply type of the script
 */
public interface ScriptCall<R> {
    /** The script this call runs. */
    LuaScript<R> script();

    /** KEYS, in the order the script reads them; at least one. A new array on each call. */
    String[] keys();

    /** ARGV, in the order the script reads them. A new array on each call. */
    String[] args();
}
