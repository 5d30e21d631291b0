package dev.sessionstore.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The API key of the service API and the admin page. Compared in constant time: both sides are hashed with
 * SHA-256 and the digests compared with {@link MessageDigest#isEqual}, so neither content nor length leaks.
 * Immutable and thread-safe.
 */
public final class ApiKey {
    private static final String BEARER = "Bearer ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;
    private final String secret;
    private final String source;

    private ApiKey(String secret, String source) {
        this.secret = secret;
        this.digest = sha256(secret);
        this.source = source;
    }

    /** The configured key, or the one kept in {@code file}, created there (mode 0600) on first start. */
    public static ApiKey resolve(Optional<String> configured, Path file) {
        if (configured.isPresent()) {
            return new ApiKey(configured.get(), "from --api-key / SESSIONSTORE_API_KEY");
        }
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (key.length() < 16) {
                throw new IllegalStateException("API key file " + file + " holds fewer than 16 characters");
            }
            return new ApiKey(key, "in " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file, e);
        }
    }

    /** A key given in code, for tests and embedding. */
    public static ApiKey of(String key) {
        return new ApiKey(key, "given");
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "ssk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process created it first; use theirs
        }
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
    }

    /** Whether an {@code Authorization} header value is {@code Bearer <this key>}. Constant-time. */
    public boolean matchesAuthorization(Optional<String> header) {
        return header.filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> matches(h.substring(BEARER.length()).trim()))
                .orElse(false);
    }

    /** Whether {@code candidate} is this key. Constant-time. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(digest, sha256(candidate));
    }

    /** Where the key came from, for the start banner; never the key itself. */
    public String source() {
        return source;
    }

    /** The key, to sign admin cookies with. Never log it. */
    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ApiKey[" + source + "]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
