package io.tiktimer.auth.service;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.tiktimer.auth.User;
import io.tiktimer.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Signs the RS256 access tokens every TikTimer service verifies through the JWKS. */
@ApplicationScoped
public class TokenIssuer {

    /** Claim naming the login session; auth-service refuses tokens of revoked sessions on its own endpoints. */
    public static final String SESSION_CLAIM = "sid";
    public static final String USER_GROUP = "user";
    public static final String ADMIN_GROUP = "admin";
    public static final String SERVICE_GROUP = "service";

    private final SigningKeys keys;
    private final AuthConfig.Jwt config;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, AuthConfig config, Clock clock) {
        this.clock = clock;
        this.keys = keys;
        this.config = config.jwt();
    }

    public record Signed(String token, long expiresInSeconds) {
    }

    public Signed userToken(User user, UUID sessionId) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(USER_GROUP);
        if (user.isAdmin()) {
            groups.add(ADMIN_GROUP);
        }
        return sign(String.valueOf(user.id), user.username, groups, config.accessTokenLifetime(), sessionId);
    }

    public Signed serviceToken(String clientId) {
        return sign(clientId, clientId, new LinkedHashSet<>(java.util.List.of(SERVICE_GROUP, clientId)),
                config.serviceTokenLifetime(), null);
    }

    private Signed sign(String subject, String upn, Set<String> groups, Duration lifetime, UUID sessionId) {
        Instant now = clock.instant();
        var builder = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .upn(upn)
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString());
        if (sessionId != null) {
            builder.claim(SESSION_CLAIM, sessionId.toString());
        }
        String token = builder.jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new Signed(token, lifetime.toSeconds());
    }
}
