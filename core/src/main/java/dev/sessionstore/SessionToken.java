package dev.sessionstore;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The secret a client holds: {@code sst_} + a two-hex-digit shard tag + 43 base64url characters
 * (256 bits from {@link SecureRandom}), 49 URL-safe characters in all.
 *
 * <p>The tag is derived from the session's user id ({@link #tagFor(String)}), or random for a session
 * without one, so that a store can place all of a user's sessions and that user's index in one shard
 * (a Redis Cluster hash slot) knowing only the token. It carries 8 bits and no secret.
 *
 * <p>Stores never keep a token. They keep {@link #id()}, derived from {@link #sha256()}, which can be
 * listed and logged but not used to log in. {@link #toString()} never shows the secret. Immutable and
 * thread-safe.
 */
public final class SessionToken {
    /** The fixed prefix; it lets secret scanners recognise a leaked token. */
    public static final String PREFIX = "sst_";

    /** Length of a token's text. */
    public static final int LENGTH = 49;

    /**
     * The characters a token's last one can be: 32 random bytes are 43 base64url characters, the last of which
     * carries 2 bits (its low 4 bits are zero). With {@link #PREFIX}, the tag and the 42 before it, the format is
     * {@code sst_[0-9a-f]{2}[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]}.
     */
    private static final String LAST = "AEIMQUYcgkosw048";

    /**
     * The generators of the secrets: independent DRBG instances (SHA-256 Hash_DRBG, 256-bit strength, each
     * seeded from the system's entropy source), a thread picking one by its id. One shared {@code SecureRandom}
     * (the platform's default reads {@code /dev/urandom} under one global lock) serialized every create of a
     * busy service; a per-thread instance would be re-seeded for every virtual thread (one per request).
     */
    private static final SecureRandom[] RANDOMS =
            generators(Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors())) * 4);

    private static final MessageDigest SHA256 = sha256Prototype();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String text;
    private volatile @Nullable SessionId id;

    private SessionToken(String text) {
        this.text = text;
    }

    /**
     * Parses a token's text.
     *
     * @throws IllegalArgumentException if {@code text} is null or does not have the token format; the
     *     message does not repeat the text
     */
    public static SessionToken parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("malformed session token"));
    }

    /** Parses a token's text, or returns empty if it is null or does not have the token format. */
    public static Optional<SessionToken> tryParse(@Nullable String text) {
        if (text == null
                || text.length() != LENGTH
                || !text.startsWith(PREFIX)
                || !TokenText.isTagged(text, PREFIX.length(), LENGTH - 1)
                || LAST.indexOf(text.charAt(LENGTH - 1)) < 0) {
            return Optional.empty();
        }
        return Optional.of(new SessionToken(text));
    }

    /** A new token whose tag is derived from {@code userId}. */
    public static SessionToken generate(String userId) {
        return generateWithTag(tagFor(userId));
    }

    /** A new token with a random tag, for a session without a user. */
    public static SessionToken generateAnonymous() {
        return generateWithTag(HexFormat.of().toHexDigits((byte) random().nextInt(256)));
    }

    /** A new token with the given tag (two lowercase hex digits), as used by rotation. */
    public static SessionToken generateWithTag(String tag) {
        if (tag == null || !tag.matches("[0-9a-f]{2}")) {
            throw new IllegalArgumentException("tag must be two lowercase hex digits");
        }
        byte[] secret = new byte[32];
        random().nextBytes(secret);
        return new SessionToken(PREFIX + tag + B64.encodeToString(secret));
    }

    /** The shard tag of a user's sessions: the first byte of SHA-256(userId) in lowercase hex. */
    public static String tagFor(String userId) {
        if (userId == null) {
            throw new IllegalArgumentException("userId must not be null");
        }
        return HexFormat.of().toHexDigits(sha256(userId.getBytes(StandardCharsets.UTF_8))[0]);
    }

    /** This token's shard tag: two lowercase hex digits. */
    public String tag() {
        return text.substring(PREFIX.length(), PREFIX.length() + 2);
    }

    /** SHA-256 of the token's ASCII text. */
    public byte[] sha256() {
        return sha256(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The public id of the session this token opens: see {@link SessionId}. Computed once. */
    public SessionId id() {
        SessionId known = id;
        if (known == null) {
            known = SessionId.fromTokenHash(tag(), sha256());
            id = known;
        }
        return known;
    }

    /** The token's text, to hand to the client once. Never log it. */
    public String reveal() {
        return text;
    }

    /** Constant-time comparison of the texts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SessionToken other
                && MessageDigest.isEqual(
                        text.getBytes(StandardCharsets.US_ASCII), other.text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    /** Redacted: shows the tag only. */
    @Override
    public String toString() {
        return "SessionToken[" + PREFIX + tag() + "…]";
    }

    static byte[] sha256(byte[] input) {
        try {
            return ((MessageDigest) SHA256.clone()).digest(input);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JVM cannot be cloned", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            var unused = md.clone(); // fails here, once, rather than on every call
            return md;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static SecureRandom random() {
        return RANDOMS[(int) (Thread.currentThread().threadId() & (RANDOMS.length - 1))];
    }

    private static SecureRandom[] generators(int n) {
        SecureRandom[] out = new SecureRandom[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = SecureRandom.getInstance(
                        "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
            } catch (NoSuchAlgorithmException e) {
                out[i] = new SecureRandom();
            }
        }
        return out;
    }
}
