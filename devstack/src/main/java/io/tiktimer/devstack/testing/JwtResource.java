package io.tiktimer.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * {@code @QuarkusTestResource(JwtResource.class)}: the service under test verifies bearer tokens against a JWKS served
 * over HTTP, as it does against auth-service in production, and gets service tokens from its client-credentials
 * endpoint. Tests get tokens from {@link #issuer()}.
 */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

    public static TestJwtIssuer issuer() {
        return SharedInfrastructure.jwt();
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", issuer().jwksUrl(),
                "mp.jwt.verify.issuer", TestJwtIssuer.ISSUER,
                "mp.jwt.verify.audiences", TestJwtIssuer.AUDIENCE,
                // services that call other services get client-credentials tokens from here, as from auth-service
                "quarkus.oidc-client.auth-server-url", issuer().baseUrl(),
                "quarkus.oidc-client.credentials.secret", TestJwtIssuer.CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped at JVM exit
    }
}
