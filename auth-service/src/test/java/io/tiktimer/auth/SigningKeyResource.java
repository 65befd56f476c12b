package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import java.util.Base64;
import java.util.Map;

/**
 * Key material for the service under test, generated per test JVM so no key is ever committed: the signing key
 * (given as PEM, as in production), a retired key published as verification-only (rotation), and client secrets.
 */
public class SigningKeyResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACTIVE_KID = "test-active";
    public static final String RETIRED_KID = "test-retired";
    public static final String PUBLISHER_WORKER_SECRET = "publisher-worker-secret-0123456789abcdef";
    public static final String POST_SERVICE_SECRET = "post-service-secret-0123456789abcdef";

    private static RsaJsonWebKey active;
    private static RsaJsonWebKey retired;

    public static synchronized RsaJsonWebKey active() {
        if (active == null) {
            active = generate(ACTIVE_KID);
        }
        return active;
    }

    public static synchronized RsaJsonWebKey retired() {
        if (retired == null) {
            retired = generate(RETIRED_KID);
        }
        return retired;
    }

    @Override
    public Map<String, String> start() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(active().getPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Map.of(
                "auth.jwt.key-id", ACTIVE_KID,
                "auth.jwt.private-key", pem,
                "auth.jwt.verification-only-jwks",
                new JsonWebKeySet(retired()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                "auth.clients.publisher-worker.secret", PUBLISHER_WORKER_SECRET,
                "auth.clients.post-service.secret", POST_SERVICE_SECRET);
    }

    @Override
    public void stop() {
        // keys live in memory only
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
