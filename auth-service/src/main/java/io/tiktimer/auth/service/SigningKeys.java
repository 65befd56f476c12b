package io.tiktimer.auth.service;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.tiktimer.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The RSA key that signs tokens now, plus public keys that only verify (the next key and retired ones). Verifiers
 * pick the key by {@code kid}, so a rotation never invalidates a live token (procedure in README.md). Loaded at
 * start-up so a missing or malformed key stops the service instead of failing the first login.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final int MIN_RSA_BITS = 2048;

    private final String keyId;
    private final PrivateKey privateKey;
    private final String publicJwks;

    public SigningKeys(AuthConfig config) {
        AuthConfig.Jwt jwt = config.jwt();
        this.keyId = jwt.keyId();
        RSAPrivateCrtKey key = loadPrivateKey(jwt);
        this.privateKey = key;
        try {
            RsaJsonWebKey active = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(publicKeyOf(key));
            describe(active, keyId);
            List<JsonWebKey> keys = new ArrayList<>();
            keys.add(active);
            Set<String> kids = new HashSet<>(Set.of(keyId));
            if (jwt.verificationOnlyJwks().isPresent()) {
                for (JsonWebKey extra : new JsonWebKeySet(jwt.verificationOnlyJwks().get()).getJsonWebKeys()) {
                    if (!(extra instanceof RsaJsonWebKey rsa) || extra.getKeyId() == null
                            || !kids.add(extra.getKeyId())) {
                        throw new IllegalStateException(
                                "auth.jwt.verification-only-jwks: every key must be RSA with a kid distinct from the others and "
                                        + "from auth.jwt.key-id");
                    }
                    RsaJsonWebKey publicOnly = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(rsa.getRsaPublicKey());
                    describe(publicOnly, extra.getKeyId());
                    keys.add(publicOnly);
                }
            }
            this.publicJwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            LOG.infof("Signing tokens with key %s; %d verification-only key(s) published", keyId, keys.size() - 1);
        } catch (JoseException e) {
            throw new IllegalStateException("auth.jwt: cannot build the JWKS: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The public JWK set served at /.well-known/jwks.json and used by auth-service to verify its own tokens. */
    public String publicJwks() {
        return publicJwks;
    }

    private static void describe(RsaJsonWebKey jwk, String kid) {
        jwk.setKeyId(kid);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
    }

    private static RSAPrivateCrtKey loadPrivateKey(AuthConfig.Jwt jwt) {
        if (jwt.privateKey().isPresent() && jwt.privateKeyFile().isPresent()) {
            throw new IllegalStateException("Set either auth.jwt.private-key or auth.jwt.private-key-file, not both");
        }
        String pem;
        if (jwt.privateKey().isPresent()) {
            pem = jwt.privateKey().get();
        } else if (jwt.privateKeyFile().isPresent()) {
            try {
                pem = Files.readString(Path.of(jwt.privateKeyFile().get()));
            } catch (IOException e) {
                throw new UncheckedIOException("auth.jwt.private-key-file cannot be read", e);
            }
        } else if (jwt.generateEphemeralKey()) {
            LOG.warn("No signing key configured: generated a throw-away key (dev mode only); tokens die with this process");
            return (RSAPrivateCrtKey) generate().getPrivate();
        } else {
            throw new IllegalStateException("No signing key: set AUTH_JWT_PRIVATE_KEY or AUTH_JWT_PRIVATE_KEY_FILE");
        }
        PrivateKey key;
        try {
            key = KeyUtils.decodePrivateKey(pem.strip());
        } catch (GeneralSecurityException | RuntimeException e) {
            // the message of a parse error could quote key material, so it is not passed on
            throw new IllegalStateException("auth.jwt: the signing key is not a PEM-encoded RSA private key");
        }
        if (!(key instanceof RSAPrivateCrtKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException("auth.jwt: the signing key must be an RSA key of at least 2048 bits");
        }
        return rsa;
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
