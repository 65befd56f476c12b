package io.tiktimer.auth.config;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.tiktimer.auth.service.SigningKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.util.Set;

/**
 * How auth-service verifies the bearer tokens sent to its own endpoints (/users/me, /auth/logout): against the very
 * JWK set it publishes at /.well-known/jwks.json, held in memory, instead of fetching its own JWKS over HTTP through
 * {@code mp.jwt.verify.publickey.location}. Same keys, same issuer/audience/RS256 checks as every other service, but
 * no self-call at start-up, no dependency on knowing its own port (random in tests) and no cache that could lag a
 * key rotation. Replaces the context smallrye-jwt would build from {@code mp.jwt.*} configuration.
 */
@ApplicationScoped
public class SelfVerification {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification(SigningKeys keys, AuthConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(keys.publicJwks());
        info.setIssuedBy(config.jwt().issuer());
        info.setExpectedAudience(Set.of(config.jwt().audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of("sub", "exp", "iat", "jti"));
        info.setClockSkew(30);
        return info;
    }
}
