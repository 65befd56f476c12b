package io.tiktimer.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * {@code @QuarkusTestResource(JwtResource.class)}: the service under test verifies bearer tokens against a JWKS served
 * over HTTP, as it does against auth-service in production. Tests get tokens from {@link #issuer()}.
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
                "mp.jwt.verify.audiences", TestJwtIssuer.AUDIENCE);
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped at JVM exit
    }
}
