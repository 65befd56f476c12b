package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Other services get short-lived tokens with their service role, as quarkus-oidc-client asks for them. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class ServiceClientTest {

    @Test
    void clientSecretBasicGetsAServiceToken() throws Exception {
        var json = given().auth().preemptive().basic("publisher-worker", SigningKeyResource.PUBLISHER_WORKER_SECRET)
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .extract().jsonPath();
        assertThat(json.getMap("$").keySet()).containsExactly("access_token", "token_type", "expires_in");
        JwtClaims claims = TokenVerificationTest.claimsOf(json.getString("access_token"));
        assertThat(claims.getSubject()).isEqualTo("publisher-worker");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("publisher-worker");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("service", "publisher-worker");
        assertThat(claims.getAudience()).containsExactly("tiktimer");
        assertThat(claims.getIssuer()).isEqualTo("tiktimer-auth");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
    }

    @Test
    void clientSecretPostGetsAServiceTokenToo() throws Exception {
        String token = given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "post-service",
                        "client_secret", SigningKeyResource.POST_SERVICE_SECRET))
                .post("/oauth/token")
                .then().statusCode(200).extract().jsonPath().getString("access_token");
        assertThat(TokenVerificationTest.groupsOf(token)).containsExactly("service", "post-service");
    }

    @Test
    void wrongSecretUnknownOrDisabledClientsAreRefused() {
        given().auth().preemptive().basic("publisher-worker", "not-the-secret-at-all-0123456789")
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(401).contentType("application/problem+json").body("error", equalTo("invalid_client"));
        // tiktok-service has no secret configured in this test: disabled
        given().auth().preemptive().basic("tiktok-service", "")
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "intruder",
                        "client_secret", SigningKeyResource.POST_SERVICE_SECRET))
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .post("/oauth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("unsupported_grant_type"));
    }
}
