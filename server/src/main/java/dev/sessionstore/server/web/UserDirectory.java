package dev.sessionstore.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The accounts of the login page: user name to BCrypt hash, from a properties file ({@code user = $2a$...}).
 * Checking an unknown user still runs one BCrypt comparison, so timing does not reveal which users exist.
 * Immutable and thread-safe.
 */
public final class UserDirectory {
    static final String BUNDLED = "/demo-users.properties";

    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private static final String DUMMY_HASH = BCrypt.hashpw("not-a-password", BCrypt.gensalt(10));

    private final Map<String, String> hashes;
    private final String source;

    private UserDirectory(Map<String, String> hashes, String source) {
        this.hashes = Map.copyOf(hashes);
        this.source = source;
    }

    public static UserDirectory load(Optional<Path> file) {
        try {
            if (file.isPresent()) {
                return parse(
                        Files.readString(file.get(), StandardCharsets.UTF_8),
                        file.get().toString());
            }
            try (InputStream in = UserDirectory.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled resource " + BUNDLED);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled demo accounts");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file", e);
        }
    }

    static UserDirectory parse(String text, String source) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> hashes = new TreeMap<>();
        for (String user : p.stringPropertyNames()) {
            String hash = p.getProperty(user).trim();
            if (!hash.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException(
                        "users file " + source + ": the password of '" + user + "' is not a BCrypt hash");
            }
            hashes.put(user, hash);
        }
        return new UserDirectory(hashes, source);
    }

    /** Whether the password is the user's. Always does one BCrypt comparison. */
    boolean authenticate(String user, String password) {
        String hash = hashes.get(user);
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        boolean ok = BCrypt.checkpw(tooLong ? "" : password, hash == null ? DUMMY_HASH : hash);
        return ok && hash != null && !tooLong;
    }

    String source() {
        return source;
    }

    int size() {
        return hashes.size();
    }
}
