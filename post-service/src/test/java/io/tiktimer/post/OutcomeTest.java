package io.tiktimer.post;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.GoldenFixtures;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.contracts.Topics;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.servicekit.messaging.EventCodec;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** publisher-worker's facts arrive over the real broker and move posts as the user expects. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class OutcomeTest {

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;
    @Inject
    S3Client s3;

    long user;
    long account;

    /** A post that the dispatcher has queued as attempt 1. */
    long queuedPost() throws Exception {
        user = Fixtures.newId();
        account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        long id = Fixtures.createVideoPost(user, account, "outcome", Instant.now().plusMillis(200));
        await().atMost(Duration.ofSeconds(10)).until(() -> "queued".equals(status(id)));
        return id;
    }

    String status(long id) throws Exception {
        return Fixtures.queryString(dataSource, "select status from post.post where id = " + id);
    }

    /** The golden fixture with this post's ids: proves post-service reads exactly what the contract says is written. */
    String fromFixture(String fixture, long postId, int attempt) throws Exception {
        ObjectNode node = (ObjectNode) Fixtures.JSON.readTree(GoldenFixtures.read(fixture));
        node.put("eventId", UUID.randomUUID().toString());
        node.put("postId", postId);
        node.put("attempt", attempt);
        node.put("tiktokAccountId", account);
        node.put("occurredAt", Instant.now().toString());
        return node.toString();
    }

    @Test
    void publishingThenPublishedStoresTikToksIdsAndDuplicatesChangeNothing() throws Exception {
        long id = queuedPost();
        Fixtures.send(Topics.POST_PUBLISHING, Long.toString(id), fromFixture(GoldenFixtures.POST_PUBLISHING_V1, id, 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "publishing".equals(status(id)));
        String published = fromFixture(GoldenFixtures.POST_PUBLISHED_V1, id, 1);
        Fixtures.send(Topics.POST_PUBLISHED, Long.toString(id), published);
        await().atMost(Duration.ofSeconds(15)).until(() -> "published".equals(status(id)));
        given().auth().oauth2(Fixtures.token(user)).when().get("/posts/" + id).then().statusCode(200)
                .body("publish_id", equalTo("v_pub_file~v2-1.7391029384756102938"))
                .body("public_post_id", equalTo("7391029384756102938"))
                .body("share_url", equalTo("https://www.tiktok.com/@creator/video/7391029384756102938"))
                .body("published_at", notNullValue())
                // the web app's timeline: each step of the attempt with its time
                .body("queued_at", notNullValue()).body("publishing_at", notNullValue());
        // the same event again (relay or broker redelivery), then a stale failure of the same attempt: no effect
        Fixtures.send(Topics.POST_PUBLISHED, Long.toString(id), published);
        Fixtures.send(Topics.POST_FAILED, Long.toString(id), codec.write(PostFailed.of(id, 1, account, null, "internal",
                null, "late", true, false, null)));
        String marker = UUID.randomUUID().toString();
        Fixtures.send(Topics.POST_PUBLISHING, Long.toString(id), fromFixture(GoldenFixtures.POST_PUBLISHING_V1, id, 1)
                .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + marker + "\""));
        await().atMost(Duration.ofSeconds(15)).until(() -> Fixtures.queryLong(dataSource,
                "select count(*) from post.consumed_event where event_id = '" + marker + "'") == 1);
        assertThat(status(id)).isEqualTo("published");
    }

    @Test
    void aRetryableFailureGoesBackToScheduledWithBackoffAndIsDispatchedAgainAsTheNextAttempt() throws Exception {
        long id = queuedPost();
        Instant before = Instant.now();
        Fixtures.send(Topics.POST_FAILED, Long.toString(id), codec.write(PostFailed.of(id, 1, account, null,
                "rate_limit_exceeded", "log1", "TikTok asked us to slow down.", true, false, null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> "scheduled".equals(status(id)));
        Instant applied = Instant.now();
        assertThat(Fixtures.queryString(dataSource, "select error_code from post.post where id = " + id))
                .isEqualTo("rate_limit_exceeded");
        // test profile: initial backoff 2 s; attempt 1 → due 2 s after the failure was applied
        Instant due = Instant.ofEpochMilli(Fixtures.queryLong(dataSource,
                "select (extract(epoch from due_at) * 1000)::bigint from post.post where id = " + id));
        assertThat(due).isBetween(before.plusMillis(2000 - 1), applied.plusMillis(2000 + 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "queued".equals(status(id))
                && Fixtures.queryLong(dataSource, "select attempt from post.post where id = " + id) == 2);
        // the next attempt waited for its due time
        assertThat(Instant.now()).isAfterOrEqualTo(due);

        // a final failure of attempt 2 is shown to the user, who can retry it
        Fixtures.send(Topics.POST_FAILED, Long.toString(id), codec.write(PostFailed.of(id, 2, account, null,
                "privacy_level_option_mismatch", null, "Pick a privacy level your account offers.", false, false, null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> "failed".equals(status(id)));
        given().auth().oauth2(Fixtures.token(user)).when().get("/posts/" + id).then()
                .body("status", equalTo("failed")).body("error_message", equalTo("Pick a privacy level your account offers."));
        given().auth().oauth2(Fixtures.token(user)).when().post("/posts/" + id + "/retry").then().statusCode(200)
                .body("status", equalTo("scheduled"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "queued".equals(status(id)));
        assertThat(Fixtures.queryLong(dataSource, "select attempt from post.post where id = " + id)).isEqualTo(3);
    }

    @Test
    void anUnknownOutcomeIsUnconfirmedAndRetriedOnlyWithExplicitConfirmation() throws Exception {
        long id = queuedPost();
        Fixtures.send(Topics.POST_FAILED, Long.toString(id), codec.write(PostFailed.of(id, 1, account, "v_pub_file~y",
                "status_poll_deadline", null, "TikTok did not report the outcome in time.", false, true, null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> "unconfirmed".equals(status(id)));
        given().auth().oauth2(Fixtures.token(user)).when().post("/posts/" + id + "/retry").then().statusCode(409)
                .body("code", equalTo("confirmation_required"));
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).body("{\"content\": \"x\"}")
                .when().patch("/posts/" + id).then().statusCode(409);
        given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body("{\"confirm_not_published\": true}")
                .when().post("/posts/" + id + "/retry").then().statusCode(200).body("status", equalTo("scheduled"));
    }

    @Test
    void aMalformedOutcomeIsDeadLetteredAndDoesNotBlockTheNextOne() throws Exception {
        long id = queuedPost();
        Fixtures.send(Topics.POST_PUBLISHING, Long.toString(id), "{this is not json");
        Fixtures.send(Topics.POST_PUBLISHING, Long.toString(id), fromFixture(GoldenFixtures.POST_PUBLISHING_V1, id, 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "publishing".equals(status(id)));
        assertThat(Fixtures.allValues(Topics.deadLetterOf(Topics.POST_PUBLISHING, "post-service")))
                .contains("{this is not json");
    }

    /**
     * PostgreSQL refuses every connection for a few seconds while post.published arrives (what a restart or failover
     * looks like to the service): the outcome is applied once the database is back, not dead-lettered.
     */
    @Test
    void anOutcomeThatArrivesWhileTheDatabaseIsAwayIsAppliedWhenItIsBack() throws Exception {
        long id = queuedPost();
        Fixtures.send(Topics.POST_PUBLISHING, Long.toString(id), fromFixture(GoldenFixtures.POST_PUBLISHING_V1, id, 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "publishing".equals(status(id)));
        String eventId = UUID.randomUUID().toString();
        String published = fromFixture(GoldenFixtures.POST_PUBLISHED_V1, id, 1)
                .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + eventId + "\"");
        // the switch is thrown from another database: PostgreSQL will not close the one the session is in
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class)
                .replaceFirst("/" + PostgresServer.DATABASE + "(\\?|$)", "/template1$1");
        try (Connection admin = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement st = admin.createStatement()) {
            st.execute("alter database " + PostgresServer.DATABASE + " allow_connections false");
            try {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where backend_type = 'client backend' "
                        + "and pid <> pg_backend_pid()");
                Fixtures.send(Topics.POST_PUBLISHED, Long.toString(id), published);
                // the consumer takes the event and fails against the database for these seconds; the API answers
                // that it is unavailable for now rather than failing with a 500
                Thread.sleep(3_000);
                given().auth().oauth2(Fixtures.token(user)).when().get("/posts/" + id).then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", notNullValue());
            } finally {
                st.execute("alter database " + PostgresServer.DATABASE + " allow_connections true");
            }
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> "published".equals(status(id)));
        assertThat(Fixtures.allValues(Topics.deadLetterOf(Topics.POST_PUBLISHED, "post-service")))
                .noneMatch(v -> v.contains(eventId));
    }

    @Test
    void aDeletedUsersPostsMediaAndObjectsAreErased() throws Exception {
        long id = queuedPost();
        long media = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
        String key = Fixtures.queryString(dataSource, "select s3_key from post.media where id = " + media);
        Fixtures.send(Topics.USER_DELETED, Long.toString(user), codec.write(UserDeleted.of(user)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                Fixtures.queryLong(dataSource, "select count(*) from post.post where user_id = " + user) == 0
                        && Fixtures.queryLong(dataSource, "select count(*) from post.media where user_id = " + user) == 0);
        assertThat(s3.listObjectsV2(b -> b.bucket(InfrastructureTest.BUCKET).prefix("users/" + user + "/")).contents())
                .isEmpty();
        assertThat(key).startsWith("users/" + user + "/media/");
        assertThat(id).isPositive();
        // the golden fixture itself is readable by this consumer
        assertThat(codec.read(GoldenFixtures.read(GoldenFixtures.USER_DELETED_V1), UserDeleted.class).userId()).isEqualTo(7);
        assertThat(codec.read(GoldenFixtures.read(GoldenFixtures.POST_PUBLISHED_V1), PostPublished.class).outcome())
                .isEqualTo(PublishOutcome.PUBLISHED);
        assertThat(codec.read(GoldenFixtures.read(GoldenFixtures.POST_PUBLISHING_V1), PostPublishing.class).attempt()).isEqualTo(1);
    }

    /** A request verified just before the deletion may store a post after the clean-up: it is erased too. */
    @Test
    void whatADeletedUserStoresAfterTheCleanUpIsErasedAsWell() throws Exception {
        long leaver = Fixtures.newId();
        String token = Fixtures.token(leaver);
        Fixtures.send(Topics.USER_DELETED, Long.toString(leaver), codec.write(UserDeleted.of(leaver)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                Fixtures.queryLong(dataSource, "select count(*) from post.deleted_user where user_id = " + leaver) == 1);

        long late = given().auth().oauth2(token).contentType("application/json")
                .body("{\"content\":\"written in the last moment\",\"scheduled_time\":\"2031-01-01T10:00:00Z\"}")
                .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");

        await().atMost(Duration.ofSeconds(15)).until(() ->
                Fixtures.queryLong(dataSource, "select count(*) from post.post where id = " + late) == 0);
    }
}
