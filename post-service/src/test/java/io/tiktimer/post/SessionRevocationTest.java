package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.SessionsRevoked;
import io.tiktimer.contracts.Topics;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A user who signs out, changes the password or deletes the account must not keep writing with an access token that
 * is still unexpired: auth-service announces the revoked sessions on {@code sessions.revoked}, and every replica
 * refuses their tokens within moments, also a token it had already verified and remembered.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class SessionRevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void aRevokedSessionsTokenIsRefusedEvenAfterItWasRemembered() {
        long user = Fixtures.newId();
        String revokedSession = UUID.randomUUID().toString();
        String revoked = JwtResource.issuer().userToken(user, "user" + user, revokedSession);
        String otherDevice = JwtResource.issuer().userToken(user, "user" + user, UUID.randomUUID().toString());
        given().auth().oauth2(revoked).when().get("/posts").then().statusCode(200);

        Fixtures.send(Topics.SESSIONS_REVOKED, SessionsRevoked.sessions(user, List.of(revokedSession)), Fixtures.JSON);

        await().atMost(WITHIN).untilAsserted(() ->
                given().auth().oauth2(revoked).when().get("/posts").then().statusCode(401));
        given().auth().oauth2(otherDevice).when().get("/posts").then().statusCode(200);
    }

    @Test
    void everyTokenOfADeletedUserIsRefused() {
        long user = Fixtures.newId();
        String first = JwtResource.issuer().userToken(user, "user" + user, UUID.randomUUID().toString());
        String second = JwtResource.issuer().userToken(user, "user" + user);
        long bystander = Fixtures.newId();
        given().auth().oauth2(first).when().get("/posts").then().statusCode(200);

        Fixtures.send(Topics.SESSIONS_REVOKED, SessionsRevoked.everySession(user), Fixtures.JSON);

        await().atMost(WITHIN).untilAsserted(() -> {
            given().auth().oauth2(first).when().get("/posts").then().statusCode(401);
            given().auth().oauth2(second).contentType("application/json")
                    .body("{\"content\":\"after deletion\",\"scheduled_time\":\"2030-01-01T00:00:00Z\"}")
                    .when().post("/posts").then().statusCode(401);
        });
        given().auth().oauth2(Fixtures.token(bystander)).when().get("/posts").then().statusCode(200);
    }
}
