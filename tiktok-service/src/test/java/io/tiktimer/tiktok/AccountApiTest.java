package io.tiktimer.tiktok;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The account API: ownership, removal with revocation, the seed's disconnect, creator_info. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class AccountApiTest {

    @Test
    void oneUserCanNeverSeeUseOrDeleteAnotherUsersAccount() {
        long owner = newUserId();
        long stranger = newUserId();
        long id = connect(owner, newCreator("mine" + owner));
        String token = userToken(stranger);
        given().auth().oauth2(token).get("/api/v1/tiktok/accounts").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(token).get("/api/v1/tiktok/accounts/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("account_not_found"));
        given().auth().oauth2(token).get("/api/v1/tiktok/accounts/" + id + "/creator-info").then().statusCode(404);
        given().auth().oauth2(token).delete("/api/v1/tiktok/accounts/" + id).then().statusCode(404);
        given().auth().oauth2(token).delete("/api/v1/auth/tiktok/disconnect").then().statusCode(200);
        accessToken(id, stranger).then().statusCode(404);
        given().auth().oauth2(userToken(owner)).get("/api/v1/tiktok/accounts/" + id).then().statusCode(200)
                .body("status", equalTo("connected"));
    }

    @Test
    void everyEndpointRefusesForgedTokens() {
        long userId = newUserId();
        for (String forged : JwtResource.issuer().forgeriesFor(userId, "user" + userId).all()) {
            given().auth().oauth2(forged).get("/api/v1/auth/tiktok/authorize").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer");
            given().auth().oauth2(forged).contentType(ContentType.JSON).body(Map.of("code", "x"))
                    .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(401);
            given().auth().oauth2(forged).delete("/api/v1/auth/tiktok/disconnect").then().statusCode(401);
            given().auth().oauth2(forged).get("/api/v1/tiktok/accounts").then().statusCode(401);
            given().auth().oauth2(forged).get("/api/v1/tiktok/accounts/1").then().statusCode(401);
            given().auth().oauth2(forged).delete("/api/v1/tiktok/accounts/1").then().statusCode(401);
            given().auth().oauth2(forged).get("/api/v1/tiktok/accounts/1/creator-info").then().statusCode(401);
            given().auth().oauth2(forged).contentType(ContentType.JSON).body(Map.of("userId", userId))
                    .post("/internal/accounts/1/reconnect-required").then().statusCode(401);
        }
        given().get("/api/v1/tiktok/accounts").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/auth/tiktok/authorize").then().statusCode(401);
    }

    @Test
    void deletingAnAccountRevokesItAtTikTokAndAnnouncesIt() throws Exception {
        long userId = newUserId();
        long id = connect(userId, newCreator("bye" + userId));
        String token = accessToken(id, userId).then().statusCode(200).extract().path("accessToken");
        assertThat(creatorInfoStatusAtTikTok(token)).isEqualTo(200);

        given().auth().oauth2(userToken(userId)).delete("/api/v1/tiktok/accounts/" + id).then().statusCode(204);

        assertThat(creatorInfoStatusAtTikTok(token)).isEqualTo(401);
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id).then().statusCode(404);
        accessToken(id, userId).then().statusCode(404);
        assertThat(awaitAccountEvents(e -> e.accountId() == id && e.status() == AccountStatus.DISCONNECTED, 1))
                .singleElement().satisfies(e -> assertThat(e.userId()).isEqualTo(userId));
    }

    @Test
    void disconnectRemovesAllOfTheCallersAccountsWithTheSeedResponse() throws Exception {
        long userId = newUserId();
        long first = connect(userId, newCreator("d1" + userId));
        long second = connect(userId, newCreator("d2" + userId));
        String firstToken = accessToken(first, userId).then().extract().path("accessToken");
        given().auth().oauth2(userToken(userId)).delete("/api/v1/auth/tiktok/disconnect").then().statusCode(200)
                .body("message", equalTo("TikTok accounts disconnected successfully"));
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts").then().body("$", hasSize(0));
        assertThat(creatorInfoStatusAtTikTok(firstToken)).isEqualTo(401);
        accessToken(second, userId).then().statusCode(404);
        given().auth().oauth2(userToken(userId)).delete("/api/v1/auth/tiktok/disconnect").then().statusCode(200)
                .body("message", equalTo("No TikTok account was connected"));
    }

    @Test
    void creatorInfoShowsWhatThePostingScreenNeedsAndIsBrieflyCached() {
        int refusalsBefore = sandbox().rateLimitRefusals().size();
        long userId = newUserId();
        String openId = newCreator("info" + userId);
        SandboxCreator creator = sandbox().creator(openId).orElseThrow();
        creator.privateAccount(true).maxVideoPostDurationSec(180);
        long id = connect(userId, openId);

        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id + "/creator-info").then()
                .statusCode(200).body("account_id", equalTo((int) id))
                .body("creator_username", equalTo("info" + userId))
                .body("privacy_level_options", equalTo(SandboxCreator.PRIVATE_ACCOUNT_PRIVACY_OPTIONS))
                .body("duet_disabled", equalTo(true)).body("stitch_disabled", equalTo(true))
                .body("comment_disabled", equalTo(false)).body("max_video_post_duration_sec", equalTo(180))
                .body("can_post", equalTo(true)).body("cannot_post_reason", nullValue());

        // the creator changes a setting; within the cache window we still show what TikTok said moments ago
        creator.commentDisabled(true);
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id + "/creator-info").then()
                .statusCode(200).body("comment_disabled", equalTo(false));
        // briefly: once the 30 s are over (the service reads the sandbox's clock) TikTok's new answer shows
        sandbox().clock().advance(java.time.Duration.ofSeconds(31));
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id + "/creator-info").then()
                .statusCode(200).body("comment_disabled", equalTo(true));
        assertThat(sandbox().rateLimitRefusals()).as("TikTok never had to refuse us with 429")
                .hasSize(refusalsBefore).noneMatch(r -> openId.equals(r.openId()));
    }

    @Test
    void creatorInfoReportsWhenTikTokSaysTheCreatorCannotPost() {
        long userId = newUserId();
        String openId = newCreator("banned" + userId);
        long id = connect(userId, openId);
        sandbox().creator(openId).orElseThrow().banned(true);
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id + "/creator-info").then()
                .statusCode(200).body("can_post", equalTo(false))
                .body("cannot_post_reason", equalTo("spam_risk_user_banned_from_posting"));
    }
}
