package io.tiktimer.devstack;

import io.tiktimer.devstack.testing.TestJwtIssuer;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJwtIssuerTest {

    @Test
    void tokensVerifyAgainstTheServedJwksAndEveryForgeryIsRefused() throws Exception {
        try (TestJwtIssuer issuer = TestJwtIssuer.start()) {
            JwtConsumer verifier = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(issuer.jwksUrl())))
                    .setExpectedIssuer(TestJwtIssuer.ISSUER)
                    .setExpectedAudience(TestJwtIssuer.AUDIENCE)
                    .setRequireExpirationTime()
                    .build();

            JwtClaims claims = verifier.processToClaims(issuer.userToken(7, "alice"));
            assertThat(claims.getSubject()).isEqualTo("7");
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("user");

            for (String forged : issuer.forgeriesFor(7, "alice").all()) {
                assertThatThrownBy(() -> verifier.processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
            }
        }
    }
}
