package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.TestJwtIssuer;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.servicekit.messaging.EventCodec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The posts API as a client sees it: the original curl flow, the new fields, ownership, and problem+json errors. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class PostApiTest {

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    @Test
    void theOriginalCurlFlowWorksUnchanged() throws Exception {
        long user = Fixtures.newId();
        String token = Fixtures.token(user);
        // POST /posts/ with the original body: naive time is UTC, platform optional
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"content\": \"Hello from curl\", \"scheduled_time\": \"2030-06-01T12:00:00\"}")
                .when().post("/posts/").then().statusCode(201)
                .body("content", equalTo("Hello from curl"))
                .body("scheduled_time", equalTo("2030-06-01T12:00:00Z"))
                .body("status", equalTo("scheduled"))
                .body("platform", notNullValue())
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue())
                .extract().response();
        long id = created.jsonPath().getLong("id");

        given().auth().oauth2(token).when().get("/posts/").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo((int) id));
        given().auth().oauth2(token).when().get("/posts/" + id).then().statusCode(200)
                .body("content", equalTo("Hello from curl"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"content\": \"Edited\", \"scheduled_time\": \"2030-06-01T14:00:00+02:00\"}")
                .when().patch("/posts/" + id).then().statusCode(200)
                .body("content", equalTo("Edited")).body("scheduled_time", equalTo("2030-06-01T12:00:00Z"));
        given().auth().oauth2(token).when().delete("/posts/" + id).then().statusCode(204);
        given().auth().oauth2(token).when().get("/posts/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));

        // the multipart TikTok post, once the user's TikTok account is connected
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        given().auth().oauth2(token)
                .multiPart("content", "My TikTok video")
                .multiPart("scheduled_time", "2030-06-01T12:00:00")
                .multiPart("video", "clip.mp4", TestMedia.mp4(12, 1080, 1920, 30), "video/mp4")
                .when().post("/api/v1/tiktok/posts/").then().statusCode(201)
                .body("platform", equalTo("tiktok"))
                .body("status", equalTo("scheduled"))
                .body("tiktok_account_id", equalTo((int) account))
                .body("media_ids.size()", equalTo(1))
                .body("privacy_level", equalTo("SELF_ONLY"))
                .body("allow_comment", equalTo(false));
    }

    @Test
    void theMultipartTikTokPostWithoutAConnectedAccountIsA400AndStoresNothing() throws Exception {
        long user = Fixtures.newId();
        given().auth().oauth2(Fixtures.token(user))
                .multiPart("content", "x")
                .multiPart("scheduled_time", "2030-06-01T12:00:00Z")
                .multiPart("video", "clip.mp4", TestMedia.mp4(12, 1080, 1920, 30), "video/mp4")
                .when().post("/api/v1/tiktok/posts/").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("TikTok account not connected"));
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.media where user_id = " + user)).isZero();
    }

    @Test
    void publishNowGoesThroughTheDispatcherAndAnswersWithIdAndStatus() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        long id = Fixtures.createVideoPost(user, account, "now", Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(Fixtures.token(user)).when().post("/api/v1/tiktok/posts/" + id + "/publish")
                .then().statusCode(200).body("id", equalTo((int) id)).body("status", equalTo("scheduled"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                "queued".equals(Fixtures.queryString(dataSource, "select status from post.post where id = " + id)));
        // once queued, the post may be at TikTok: no more edits, deletes or a second publish
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).body("{\"content\": \"late\"}")
                .when().patch("/posts/" + id).then().statusCode(409);
        given().auth().oauth2(Fixtures.token(user)).when().delete("/posts/" + id).then().statusCode(409);
        given().auth().oauth2(Fixtures.token(user)).when().post("/api/v1/tiktok/posts/" + id + "/publish")
                .then().statusCode(409);
    }

    @Test
    void otherUsersPostsAndMediaAreNotFound() throws Exception {
        long owner = Fixtures.newId();
        long other = Fixtures.newId();
        long id = given().auth().oauth2(Fixtures.token(owner)).contentType(ContentType.JSON)
                .body(Map.of("content", "mine", "scheduled_time", "2030-01-01T00:00:00Z"))
                .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");
        long media = Fixtures.uploadVideo(owner, TestMedia.mp4(5, 720, 1280, 30));
        String otherToken = Fixtures.token(other);
        given().auth().oauth2(otherToken).when().get("/posts/" + id).then().statusCode(404);
        given().auth().oauth2(otherToken).contentType(ContentType.JSON).body("{\"content\": \"x\"}")
                .when().patch("/posts/" + id).then().statusCode(404);
        given().auth().oauth2(otherToken).when().delete("/posts/" + id).then().statusCode(404);
        given().auth().oauth2(otherToken).when().post("/posts/" + id + "/retry").then().statusCode(404);
        given().auth().oauth2(otherToken).when().get("/media/" + media).then().statusCode(404);
        given().auth().oauth2(otherToken).when().delete("/media/" + media).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get("/posts").then().statusCode(200).body("size()", equalTo(0));
        // nor can a post reference another user's media or account
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body(Map.of("content", "steal", "scheduled_time", "2030-01-01T00:00:00Z", "media_ids", List.of(media)))
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("media_ids")));
    }

    @Test
    void forgedTokensAreRejectedEverywhere() {
        long user = Fixtures.newId();
        for (String forged : JwtResource.issuer().forgeriesFor(user, "user" + user).all()) {
            given().auth().oauth2(forged).when().get("/posts").then().statusCode(401);
            given().auth().oauth2(forged).contentType(ContentType.JSON).body("{\"content\":\"x\",\"scheduled_time\":\"2030-01-01T00:00:00Z\"}")
                    .when().post("/posts").then().statusCode(401);
            given().auth().oauth2(forged).when().get("/media").then().statusCode(401);
            given().auth().oauth2(forged).multiPart("content", "x").when().post("/api/v1/tiktok/posts").then().statusCode(401);
        }
        given().when().get("/posts").then().statusCode(401);
    }

    @Test
    void aVerifiedTokenIsRememberedOnlyUntilItExpires() throws Exception {
        long user = Fixtures.newId();
        String shortLived = JwtResource.issuer().userToken(user, "user" + user, 3);
        long expiresAtMillis = TestJwtIssuer.expiresAtMillis(shortLived);
        // verified once, then answered from the cache of verified tokens
        given().auth().oauth2(shortLived).when().get("/posts").then().statusCode(200);
        given().auth().oauth2(shortLived).when().get("/posts").then().statusCode(200);
        // the same signature over another payload is another token: verified, and refused
        String tampered = TestJwtIssuer.withSubject(shortLived, user + 1);
        given().auth().oauth2(tampered).when().get("/posts").then().statusCode(401);
        // past its exp the remembered token is refused like any expired one (the test profile allows 1 s of clock skew)
        Thread.sleep(Math.max(0, expiresAtMillis - System.currentTimeMillis()) + 1_500);
        given().auth().oauth2(shortLived).when().get("/posts").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void badInputIsAProblemNeverA500() {
        String token = Fixtures.token(Fixtures.newId());
        // what cannot be read as a post is a 400 naming the field; a value that breaks a rule a 422
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"content\": \"x\", \"scheduled_time\": \"tomorrow\"}")
                .when().post("/posts").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations.field", equalTo(List.of("scheduled_time")))
                .body("violations.in", equalTo(List.of("body")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{not json")
                .when().post("/posts").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("not valid JSON"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"content\": \"x\", \"media_ids\": \"x\"}")
                .when().post("/posts").then().statusCode(400)
                .body("violations.field", equalTo(List.of("media_ids")))
                .body("violations.message", equalTo(List.of("must be an array")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"content\": \"x\", \"scheduled_time\": \"2030-01-01T00:00:00Z\", \"privacy_level\": \"EVERYONE\"}")
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("privacy_level")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"scheduled_time\": \"2030-01-01T00:00:00Z\"}")
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("content")));
        given().auth().oauth2(token).when().get("/posts?status=bogus").then().statusCode(400)
                .body("violations.field", equalTo(List.of("status")));
        given().auth().oauth2(token).when().get("/posts?size=100000").then().statusCode(422)
                .body("violations.field", equalTo(List.of("size"))).body("violations.in", equalTo(List.of("query")));
        // not a number: the request is wrong, the post is not missing
        given().auth().oauth2(token).when().get("/posts/abc").then().statusCode(400)
                .body("violations.field", equalTo(List.of("id"))).body("violations.in", equalTo(List.of("path")));
    }

    @Test
    void aPostForAnAccountThatNeedsReconnectingIsRefusedWithAClearReason() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.NEEDS_RECONNECT);
        long media = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "tiktok_account_id", account,
                        "media_ids", List.of(media), "privacy_level", "SELF_ONLY"))
                .when().post("/posts").then().statusCode(409).body("code", equalTo("reconnect_tiktok"))
                .body("detail", containsString("reconnected"));
        // an account that is not the user's is unknown
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "tiktok_account_id", 999_999_999L,
                        "media_ids", List.of(media), "privacy_level", "SELF_ONLY"))
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("tiktok_account_id")));
    }

    @Test
    void directPostsNeedAPrivacyLevelAndKeepInteractionsOffByDefault() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        long media = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "media_ids", List.of(media)))
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("privacy_level")));
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T09:00:00", "time_zone", "Europe/Berlin",
                        "media_ids", List.of(media), "privacy_level", "PUBLIC_TO_EVERYONE", "is_aigc", true,
                        "video_cover_timestamp_ms", 1500))
                .when().post("/posts").then().statusCode(201)
                .body("tiktok_account_id", equalTo((int) account))
                .body("scheduled_time", equalTo("2030-01-01T08:00:00Z"))
                .body("mode", equalTo("direct_post")).body("media_type", equalTo("video"))
                .body("allow_comment", equalTo(false)).body("allow_duet", equalTo(false))
                .body("allow_stitch", equalTo(false)).body("is_aigc", equalTo(true));
        // inbox posts leave privacy to the creator in the TikTok app
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "media_ids", List.of(media),
                        "mode", "inbox"))
                .when().post("/posts").then().statusCode(201).body("mode", equalTo("inbox"))
                .body("privacy_level", nullValue());
        // drafts need neither a time nor complete options
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "idea", "status", "draft"))
                .when().post("/posts").then().statusCode(201).body("status", equalTo("draft"));
    }

    @Test
    void theConsentGivenOnThePostingScreenIsKeptAndAChangedDisclosureDropsIt() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        long media = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
        String plain = "By posting, you agree to TikTok's Music Usage Confirmation.";
        String branded = "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.";
        Map<String, Object> post = Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z",
                "media_ids", List.of(media), "privacy_level", "PUBLIC_TO_EVERYONE", "brand_organic_toggle", true,
                "consent_declaration", plain);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Response created = given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).body(post)
                .when().post("/posts").then().statusCode(201)
                .body("consent_declaration", equalTo(plain)).body("consented_at", notNullValue())
                .extract().response();
        assertThat(Instant.parse(created.jsonPath().getString("consented_at"))).isBetween(before.minusSeconds(1), Instant.now());
        long id = created.jsonPath().getLong("id");

        // a declaration that does not fit the disclosure is refused, and the stored consent stays as it was
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("brand_content_toggle", true, "consent_declaration", plain))
                .when().patch("/posts/" + id).then().statusCode(422)
                .body("violations.field", equalTo(List.of("consent_declaration")))
                .body("violations[0].message", containsString("Branded Content Policy"));
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "media_ids", List.of(media),
                        "privacy_level", "PUBLIC_TO_EVERYONE", "consent_declaration", branded))
                .when().post("/posts").then().statusCode(422)
                .body("violations.field", equalTo(List.of("consent_declaration")));
        given().auth().oauth2(Fixtures.token(user)).when().get("/posts/" + id).then().statusCode(200)
                .body("consent_declaration", equalTo(plain)).body("brand_content_toggle", equalTo(false));

        // editing the caption keeps the consent; changing the disclosure without a new one drops it
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).body(Map.of("content", "y"))
                .when().patch("/posts/" + id).then().statusCode(200).body("consent_declaration", equalTo(plain));
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("brand_content_toggle", true))
                .when().patch("/posts/" + id).then().statusCode(200)
                .body("consent_declaration", nullValue()).body("consented_at", nullValue());
        // and consenting again to the branded declaration records it
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("consent_declaration", branded))
                .when().patch("/posts/" + id).then().statusCode(200)
                .body("consent_declaration", equalTo(branded)).body("consented_at", notNullValue());
    }

    @Test
    void theCountsPerStateCoverEveryStateAndOnlyTheCallersPosts() throws Exception {
        long user = Fixtures.newId();
        String token = Fixtures.token(user);
        for (String status : List.of("draft", "draft", "scheduled")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("content", "c", "scheduled_time", "2031-02-0" + (status.equals("draft") ? 1 : 3) + "T10:00:00Z",
                            "status", status))
                    .when().post("/posts").then().statusCode(201);
        }
        long other = Fixtures.newId();
        given().auth().oauth2(Fixtures.token(other)).contentType(ContentType.JSON)
                .body(Map.of("content", "not mine", "scheduled_time", "2031-02-01T10:00:00Z", "status", "draft"))
                .when().post("/posts").then().statusCode(201);

        given().auth().oauth2(token).when().get("/posts/counts").then().statusCode(200)
                .body("total", equalTo(3)).body("by_status.draft", equalTo(2)).body("by_status.scheduled", equalTo(1))
                .body("by_status.published", equalTo(0)).body("by_status.unconfirmed", equalTo(0))
                .body("by_status.size()", equalTo(8));
        // the listing's time range applies
        given().auth().oauth2(token).queryParam("from", "2031-02-02T00:00:00Z").when().get("/posts/counts").then()
                .statusCode(200).body("total", equalTo(1)).body("by_status.draft", equalTo(0));
        given().auth().oauth2(token).queryParam("to", "not a time").when().get("/posts/counts").then()
                .statusCode(400).contentType("application/problem+json");
        given().when().get("/posts/counts").then().statusCode(401);
    }

    @Test
    void listingFiltersSortsAndPaginatesButStaysAnArray() {
        long user = Fixtures.newId();
        String token = Fixtures.token(user);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("content", "p" + i, "scheduled_time", "2030-01-0" + (5 - i) + "T00:00:00Z"))
                    .when().post("/posts").then().statusCode(201);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("content", "d", "status", "draft"))
                .when().post("/posts").then().statusCode(201);
        Response page = given().auth().oauth2(token).when().get("/posts?size=2&page=0&status=scheduled");
        page.then().statusCode(200).header("X-Total-Count", "5").header("Link", containsString("page=1"))
                .body("size()", equalTo(2)).body("[0].content", equalTo("p4")).body("[1].content", equalTo("p3"));
        given().auth().oauth2(token).when().get("/posts?from=2030-01-02T00:00:00Z&to=2030-01-04T00:00:00Z")
                .then().statusCode(200).body("content", equalTo(List.of("p3", "p2")));
        // naive filter times are UTC, as naive scheduled times are; a space may stand for the T
        given().auth().oauth2(token).when().get("/posts?from=2030-01-02 00:00:00&to=2030-01-03T00:00:00")
                .then().statusCode(200).body("content", equalTo(List.of("p3")));
        given().auth().oauth2(token).queryParam("from", "2030-01-02T01:00:00+01").queryParam("to", "2030-01-03T00:00:00Z")
                .when().get("/posts")
                .then().statusCode(200).body("content", equalTo(List.of("p3")));
        given().auth().oauth2(token).when().get("/posts?from=yesterday").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("violations.field", equalTo(List.of("from")))
                .body("detail", containsString("ISO-8601"));
        given().auth().oauth2(token).when().get("/posts?status=draft").then().body("size()", equalTo(1));
        // the last page, a page that fits exactly and one past the end all know the total and offer no next page
        Response last = given().auth().oauth2(token).when().get("/posts?size=2&page=2&status=scheduled");
        last.then().statusCode(200).header("X-Total-Count", "5").body("content", equalTo(List.of("p0")));
        assertThat(last.header("Link")).isNull();
        Response exact = given().auth().oauth2(token).when().get("/posts?size=5&status=scheduled");
        exact.then().statusCode(200).header("X-Total-Count", "5").body("size()", equalTo(5));
        assertThat(exact.header("Link")).isNull();
        given().auth().oauth2(token).when().get("/posts?size=2&page=9").then().statusCode(200)
                .header("X-Total-Count", "6").body("size()", equalTo(0));
        given().auth().oauth2(token).when().get("/posts?size=500&page=9999999").then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("page")));
    }

    @Test
    void photoPostsKeepTheirPhotosInTheOrderGiven() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        String token = Fixtures.token(user);
        long[] photos = new long[3];
        for (int i = 0; i < photos.length; i++) {
            photos[i] = given().auth().oauth2(token).contentType("image/jpeg").body(TestMedia.jpeg(1080, 1920, i))
                    .when().post("/media").then().statusCode(201).body("kind", equalTo("photo"))
                    .body("container", equalTo("jpeg")).extract().jsonPath().getLong("id");
        }
        List<Long> order = List.of(photos[2], photos[0], photos[1]);
        long post = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("content", "carousel", "title", "Three", "scheduled_time", "2030-01-01T00:00:00Z",
                        "media_ids", order, "privacy_level", "PUBLIC_TO_EVERYONE", "photo_cover_index", 2))
                .when().post("/posts").then().statusCode(201).body("media_type", equalTo("photo"))
                .extract().jsonPath().getLong("id");
        List<Long> listed = given().auth().oauth2(token).when().get("/posts").then().statusCode(200)
                .extract().jsonPath().getList("find { it.id == " + post + " }.media_ids", Long.class);
        assertThat(listed).containsExactlyElementsOf(order);
        // a cover index must point at one of the photos; a photo post cannot also carry a video
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "media_ids", order,
                        "privacy_level", "PUBLIC_TO_EVERYONE", "photo_cover_index", 3))
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("photo_cover_index")));
        long video = Fixtures.uploadVideo(user, TestMedia.mp4(5, 1080, 1920, 30));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("content", "x", "scheduled_time", "2030-01-01T00:00:00Z", "media_ids",
                        List.of(photos[0], video), "privacy_level", "PUBLIC_TO_EVERYONE"))
                .when().post("/posts").then().statusCode(422).body("violations.field", equalTo(List.of("media_ids")));
    }
}
