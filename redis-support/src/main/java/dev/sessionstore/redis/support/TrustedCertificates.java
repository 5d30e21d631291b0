package dev.sessionstore.redis.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;

/**
 * The CA certificates a TLS ({@code rediss://}) connection to Redis trusts instead of the JVM's default ones: for a
 * Redis whose certificate a private or self-signed CA signed. Read once, from a PEM file of one or more {@code BEGIN
 * CERTIFICATE} blocks. The server's certificate is still checked against the host name of the URI. Immutable.
 *
 * @param file where the certificates were read, for messages
 * @param certificates at least one
 */
public record TrustedCertificates(Path file, List<X509Certificate> certificates) {
    /** The largest file accepted: a CA bundle of a few hundred certificates. */
    static final long MAX_BYTES = 1 << 20;

    public TrustedCertificates {
        Objects.requireNonNull(file, "file");
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate from " + file);
        }
    }

    /**
     * Reads the PEM file {@code file}.
     *
     * @param setting the name of the setting that gave the file, for messages
     * @throws IllegalArgumentException naming {@code setting} and the file when it is missing, unreadable, larger than
     *     1 MiB or holds no X.509 certificate
     */
    public static TrustedCertificates read(Path file, String setting) {
        String what = setting + " " + file;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(what + ": larger than " + MAX_BYTES + " bytes, not a CA file");
            }
            List<X509Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(X509Certificate.class::cast)
                        .toList();
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(what + ": no certificate in it (expected PEM: BEGIN CERTIFICATE)");
            }
            return new TrustedCertificates(file, certificates);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    what + ": not a PEM certificate (expected BEGIN CERTIFICATE): " + e.getMessage(), e);
        }
    }

    /** A trust manager factory that trusts these certificates and no other. */
    TrustManagerFactory trustManagers() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from " + file, e);
        }
    }
}
