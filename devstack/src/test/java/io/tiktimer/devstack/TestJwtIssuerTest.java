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
                    // what the services add to smallrye-jwt (service-kit VerifiedTokenCache): no iat ahead of now
                    .setIssuedAtRestrictions(60, 24 * 3600)
                    .build();

            JwtClaims claims = verifier.processToClaims(issuer.userToken(7, "alice"));
            assertThat(claims.getSubject()).isEqualTo("7");
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("user");

            for (String forged : issuer.forgeriesFor(7, "alice").all()) {
                assertThatThrownBy(() -> verifier.processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
            }
        }
    }

    @Test
    void issuesServiceTokensForTheClientCredentialsGrantAndRefusesAWrongSecret() throws Exception {
        try (TestJwtIssuer issuer = TestJwtIssuer.start()) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, java.net.http.HttpResponse<String>> grant = secret -> {
                try {
                    return http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(issuer.baseUrl() + TestJwtIssuer.TOKEN_PATH))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id=publisher-worker&client_secret=" + secret))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            java.net.http.HttpResponse<String> ok = grant.apply(TestJwtIssuer.CLIENT_SECRET);
            java.net.http.HttpResponse<String> refused = grant.apply("guess");

            assertThat(ok.statusCode()).isEqualTo(200);
            String token = ok.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(issuer.jwksUrl())))
                    .setExpectedIssuer(TestJwtIssuer.ISSUER)
                    .setExpectedAudience(TestJwtIssuer.AUDIENCE)
                    .build()
                    .processToClaims(token);
            assertThat(claims.getSubject()).isEqualTo("publisher-worker");
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("service", "publisher-worker");
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }
}
