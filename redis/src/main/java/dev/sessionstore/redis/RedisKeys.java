package dev.sessionstore.redis;

import dev.sessionstore.SessionId;
import dev.sessionstore.SessionToken;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Builds every Redis key of the store. All keys of one shard tag {@code t} start with {@code
 * <prefix>:{t}:}, so Redis Cluster hashes them to one slot; see {@code docs/redis-layout.md}.
 *
 * @param prefix the key prefix, for example {@code ss}
 */
record RedisKeys(String prefix) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** All 256 shard tags, {@code 00} to {@code ff}. */
    static final List<String> TAGS = IntStream.range(0, 256)
            .mapToObj(i -> HexFormat.of().toHexDigits((byte) i))
            .toList();

    RedisKeys {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "keyPrefix must be 1 to 64 characters of letters, digits, '_', '.', ':' and '-': " + prefix);
        }
    }

    /** {@code <prefix>:{<tag>}:}, the start of every key of the tag; scripts derive keys from it. */
    String base(String tag) {
        return prefix + ":{" + tag + "}:";
    }

    /** The session hash: {@code <prefix>:{<tag>}:<sid>}, {@code sid} = the id without its tag. */
    String session(SessionId id) {
        return base(id.tag()) + sid(id);
    }

    String session(SessionToken token) {
        return session(token.id());
    }

    /** The id's last 22 characters, as the scripts and indexes hold it (the key already has the tag). */
    static String sid(SessionId id) {
        return id.value().substring(2);
    }

    /** The id of {@code sid} in {@code tag}. */
    static SessionId id(String tag, String sid) {
        return new SessionId(tag + sid);
    }

    /** The user index state hash of a tag ({@link SessionToken#tagFor} of the user): {@code <prefix>:{<tag>}:u}. */
    String userIndex(String tag) {
        return base(tag) + "u";
    }

    /** A value index zset of one tag: {@code <prefix>:{<tag>}:x:<name>:<value>}. */
    String index(String tag, String name, String value) {
        return base(tag) + "x:" + name + ":" + value;
    }

    /** The event stream of a tag: {@code <prefix>:{<tag>}:e}. */
    String events(String tag) {
        return base(tag) + "e";
    }

    /** Whether {@code key} is the event stream of one of this store's tags. */
    boolean isEventStream(String key) {
        return key.length() == prefix.length() + 7 && key.startsWith(prefix + ":{") && key.endsWith("}:e");
    }

    /** The timer zset of a tag (each session's exact expiry, with events on): {@code <prefix>:{<tag>}:t}. */
    String timers(String tag) {
        return base(tag) + "t";
    }

    /**
     * A SCAN pattern matching every session hash of this prefix and no other key of the store: the
     * prefix, a tag, and 22 base64url characters.
     */
    String sessionPattern() {
        return prefix + ":{??}:" + "[-_A-Za-z0-9]".repeat(SessionId.LENGTH - 2);
    }

    /** A SCAN pattern matching every key of the store (and of any store whose prefix starts with this one's and a colon). */
    String allKeysPattern() {
        return prefix + ":*";
    }

    /** The session id of a session hash key of this store; empty for every other key. */
    Optional<SessionId> sessionId(String key) {
        String start = prefix + ":{";
        int sidLength = SessionId.LENGTH - 2;
        if (key.length() != start.length() + 4 + sidLength
                || !key.startsWith(start)
                || !key.startsWith("}:", start.length() + 2)) {
            return Optional.empty();
        }
        return SessionId.tryParse(
                key.substring(start.length(), start.length() + 2) + key.substring(key.length() - sidLength));
    }
}
