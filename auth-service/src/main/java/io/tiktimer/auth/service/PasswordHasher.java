package io.tiktimer.auth.service;

import io.tiktimer.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id (Bouncy Castle's implementation) stored in the standard PHC string format
 * {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}. Bcrypt was ruled out because it silently ignores everything after
 * 72 bytes while our policy allows 128 characters. Parameters are read back from each stored hash, so raising them
 * later keeps existing hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final AuthConfig.Password config;
    /** Verified against when the user does not exist, so that both answers take the same time. */
    private final String decoyHash;

    public PasswordHasher(AuthConfig config) {
        this.config = config.password();
        this.decoyHash = hash("decoy password for timing equality");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        int m = config.argon2MemoryKib();
        int t = config.argon2Iterations();
        int p = config.argon2Parallelism();
        byte[] hash = argon2(password, salt, m, t, p, HASH_BYTES);
        return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String param : parts[3].split(",")) {
            int value = Integer.parseInt(param.substring(2));
            switch (param.charAt(0)) {
                case 'm' -> m = value;
                case 't' -> t = value;
                case 'p' -> p = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        return MessageDigest.isEqual(expected, argon2(password, salt, m, t, p, expected.length));
    }

    /** Spends the same work as a real verification and always fails. */
    public void burnDecoy(String password) {
        matches(password, decoyHash);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
