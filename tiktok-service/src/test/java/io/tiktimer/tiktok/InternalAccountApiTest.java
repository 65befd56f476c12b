package io.tiktimer.tiktok;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** What other services may ask about accounts: post-service and auth-service only, never a user or the gateway. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class InternalAccountApiTest {

    @Test
    void postServiceLearnsOfAnAccountTheMomentTheCallbackHasAnswered() {
        long userId = newUserId();
        String openId = newCreator("fresh" + userId);
        long id = connect(userId, openId);

        String expiresAt = given().auth().oauth2(serviceToken("post-service")).get("/internal/accounts/" + id)
                .then().statusCode(200).contentType("application/json")
                .body("account_id", equalTo((int) id)).body("user_id", equalTo((int) userId))
                .body("open_id", equalTo(openId)).body("status", equalTo("connected"))
                .extract().path("token_expires_at");
        assertThat(Instant.parse(expiresAt)).isAfter(sandbox().clock().now());
        given().auth().oauth2(serviceToken("auth-service")).get("/internal/accounts/" + id)
                .then().statusCode(200).body("open_id", equalTo(openId));
    }

    @Test
    void authServiceGetsAUsersAccountsInConnectionOrder() {
        long userId = newUserId();
        String first = newCreator("one" + userId);
        String second = newCreator("two" + userId);
        long firstId = connect(userId, first);
        long secondId = connect(userId, second);
        connect(newUserId(), newCreator("someone-else" + userId));

        List<Number> ids = given().auth().oauth2(serviceToken("auth-service"))
                .get("/internal/users/" + userId + "/accounts").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].open_id", equalTo(first)).body("[1].open_id", equalTo(second))
                .body("[0].user_id", equalTo((int) userId)).body("[0].status", equalTo("connected"))
                .extract().jsonPath().getList("account_id");
        assertThat(ids).extracting(Number::longValue).containsExactly(firstId, secondId);
        given().auth().oauth2(serviceToken("post-service")).get("/internal/users/" + userId + "/accounts")
                .then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(serviceToken("auth-service")).get("/internal/users/" + newUserId() + "/accounts")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void unknownAccountsAreNotFound() {
        given().auth().oauth2(serviceToken("post-service")).get("/internal/accounts/" + Long.MAX_VALUE)
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("account_not_found"));
        given().auth().oauth2(serviceToken("post-service")).get("/internal/accounts/abc")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(serviceToken("auth-service")).get("/internal/users/abc/accounts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void usersAndOtherServicesAreRefused() {
        long userId = newUserId();
        long id = connect(userId, newCreator("guarded" + userId));
        for (String token : List.of(userToken(userId), serviceToken("publisher-worker"))) {
            given().auth().oauth2(token).get("/internal/accounts/" + id).then().statusCode(403);
            given().auth().oauth2(token).get("/internal/users/" + userId + "/accounts").then().statusCode(403);
        }
        given().get("/internal/accounts/" + id).then().statusCode(401).contentType("application/problem+json");
        given().get("/internal/users/" + userId + "/accounts").then().statusCode(401);
        for (String forged : JwtResource.issuer().forgeriesFor(userId, "user" + userId).all()) {
            given().auth().oauth2(forged).get("/internal/accounts/" + id).then().statusCode(401);
            given().auth().oauth2(forged).get("/internal/users/" + userId + "/accounts").then().statusCode(401);
        }
    }

    private static String serviceToken(String clientId) {
        return JwtResource.issuer().serviceToken(clientId);
    }
}
