package io.tiktimer.devstack.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets for the local run, generated on first start and kept under the run's home directory (never in the
 * repository), so a restart keeps sessions and encrypted TikTok tokens valid. Production reads the same settings
 * from Secrets Manager. The chaos harness uses them for its stack too.
 */
public final class LocalSecrets {

    private final Path directory;

    public LocalSecrets(Path directory) {
        this.directory = directory;
    }

    /** An RSA private key (PKCS#8 PEM) for auth-service to sign JWTs with. */
    public String jwtSigningKeyPem() {
        return readOrCreate("jwt-signing-key.pem", () -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
                return "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                        + "\n-----END PRIVATE KEY-----\n";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** 32 random bytes, base64: an AES-256 key. */
    public String aesKey(String name) {
        return readOrCreate(name + ".key", () -> random(32));
    }

    /** A random secret for a service client. */
    public String clientSecret(String clientId) {
        return readOrCreate("client-" + clientId + ".secret", () -> random(24));
    }

    private String readOrCreate(String file, java.util.function.Supplier<String> create) {
        Path path = directory.resolve(file);
        try {
            if (Files.exists(path)) {
                return Files.readString(path).trim();
            }
            Files.createDirectories(directory);
            String value = create.get();
            Files.writeString(path, value);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory is the user's own
            }
            return value.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }
}
