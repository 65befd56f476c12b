package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.post.badinput.BadInputCatalogue;
import io.tiktimer.post.badinput.BadInputRunner;
import io.tiktimer.post.badinput.OpenApiOperations;
import io.tiktimer.servicekit.messaging.EventCodec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation in post-service's own OpenAPI document gets the whole bad-input catalogue, with and without a valid
 * token: no 5xx, every error problem+json with a detail, nothing accepted by an operation that changes data, and the
 * caller's posts, media and S3 objects unchanged. The catalogue and its runner ({@code badinput}) know no post-service
 * class: what is specific to this service is the valid request each case departs from, set up here.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class BadInputCatalogueTest {

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;
    @Inject
    S3Client s3;

    @Test
    void noOperationAnswersABadInputWithA5xxOrChangesTheCallersData() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        byte[] video = TestMedia.mp4(10, 1080, 1920, 30);
        // the caller's data: a scheduled post with its video (what PATCH and retry aim at), a draft, a spare video
        long scheduled = Fixtures.createVideoPost(user, account, "scheduled", Instant.now().plus(400, ChronoUnit.DAYS));
        long draft = given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "draft", "status", "draft")).when().post("/posts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long media = Fixtures.uploadVideo(user, video);
        List<String> objectsBefore = objects(user);

        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<OpenApiOperations.Operation> operations = OpenApiOperations.read(openApi);
        assertThat(operations).extracting(Object::toString)
                .contains("POST /posts", "PATCH /posts/{id}", "POST /media", "POST /api/v1/tiktok/posts",
                        "GET /posts/counts", "GET /media/{id}/preview", "PUT /media/{id}/poster");

        BadInputCatalogue.Valid valid = new BadInputCatalogue.Valid(
                op -> Map.of("id", Long.toString(op.path().startsWith("/media") ? media : scheduled)),
                op -> op.method().equals("POST") && op.path().startsWith("/posts")
                        ? Map.of("content", "valid", "scheduled_time", "2030-06-01T12:00:00Z") : Map.of(),
                op -> op.path().startsWith("/api/v1/tiktok/posts")
                        ? Map.of("content", "valid", "scheduled_time", "2030-06-01T12:00:00Z") : Map.of(),
                op -> Map.of(op.path().startsWith("/media") ? "file" : "video", video));
        BadInputRunner.Result result = new BadInputRunner("http://127.0.0.1:" + RestAssured.port,
                Fixtures.token(user), valid, () -> rows(user)).run(operations);

        System.out.printf("post-service bad-input catalogue: %d operations, %d cases, %d requests (each case with and "
                        + "without a token); answers by status %s; %d failures%n", result.operations(), result.cases(),
                result.requests(), result.statuses(), result.failures().size());
        assertThat(result.failures()).as(String.join("\n", result.failures().subList(0, Math.min(60,
                result.failures().size())))).isEmpty();
        assertThat(result.statuses().keySet()).allMatch(status -> status < 500);
        assertThat(objects(user)).isEqualTo(objectsBefore);
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.post where id in (" + scheduled + ", "
                + draft + ") and user_id = " + user)).isEqualTo(2);
    }

    /** The caller's posts, their media links and the caller's media, as text to compare. */
    private String rows(long user) {
        try {
            return Fixtures.queryString(dataSource, "select coalesce((select string_agg(row_to_json(p)::text, E'\\n' order by p.id) "
                    + "from post.post p where p.user_id = " + user + "), '') || '|' || coalesce((select string_agg("
                    + "pm.post_id || ':' || pm.media_id, ',' order by pm.post_id, pm.media_id) from post.post_media pm "
                    + "join post.post p on p.id = pm.post_id where p.user_id = " + user + "), '') || '|' || coalesce(("
                    + "select string_agg(row_to_json(m)::text, E'\\n' order by m.id) from post.media m where m.user_id = "
                    + user + "), '')");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> objects(long user) {
        return s3.listObjectsV2(b -> b.bucket(InfrastructureTest.BUCKET).prefix("users/" + user + "/")).contents()
                .stream().map(o -> o.key() + ":" + o.eTag()).toList();
    }
}
