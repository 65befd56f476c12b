package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Uploads land in S3 only when their bytes are what TikTok takes. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class MediaTest {

    @Inject
    S3Client s3;

    @Test
    void aVideoIsStoredWithWhatItsContainerSaysAndItsHash() throws Exception {
        long user = Fixtures.newId();
        byte[] video = TestMedia.mp4(31.5, 1080, 1920, 30);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));
        // multipart, with a misleading name and type: the bytes decide
        long id = given().auth().oauth2(Fixtures.token(user)).multiPart("file", "clip.webm", video, "video/webm")
                .when().post("/media").then().statusCode(201)
                .body("status", equalTo("ready")).body("kind", equalTo("video")).body("container", equalTo("mp4"))
                .body("content_type", equalTo("video/mp4")).body("sha256", equalTo(sha))
                .body("size_bytes", equalTo(video.length)).body("duration_seconds", equalTo(31.5f))
                .body("width", equalTo(1080)).body("height", equalTo(1920)).body("codec", equalTo("avc1"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Fixtures.token(user)).when().get("/media/" + id).then().statusCode(200)
                .body("fps", equalTo(30.0f));
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(InfrastructureTest.BUCKET).key("users/" + user + "/media/" + id)).asByteArray();
        assertThat(stored).isEqualTo(video);
        given().auth().oauth2(Fixtures.token(user)).when().get("/media").then().body("id", equalTo(List.of((int) id)));
        given().auth().oauth2(Fixtures.token(user)).when().delete("/media/" + id).then().statusCode(204);
        assertThat(s3.listObjectsV2(b -> b.bucket(InfrastructureTest.BUCKET).prefix("users/" + user + "/")).contents()).isEmpty();
    }

    @Test
    void whatTikTokWouldRejectIsRejectedWithAClearProblemAndLeavesNothingBehind() {
        long user = Fixtures.newId();
        String token = Fixtures.token(user);
        given().auth().oauth2(token).contentType("video/mp4").body("just text, not a video".getBytes())
                .when().post("/media").then().statusCode(415).contentType(containsString("application/problem+json"))
                .body("code", equalTo("unsupported_media_type"));
        given().auth().oauth2(token).contentType("video/mp4").body(TestMedia.mp4(700, 1080, 1920, 30))
                .when().post("/media").then().statusCode(422).body("code", equalTo("video_too_long"));
        given().auth().oauth2(token).contentType("video/mp4").body(TestMedia.mp4(10, 320, 240, 30))
                .when().post("/media").then().statusCode(422).body("code", equalTo("unsupported_resolution"));
        given().auth().oauth2(token).contentType("video/mp4").body(TestMedia.mp4(10, 1080, 1920, 10))
                .when().post("/media").then().statusCode(422).body("code", equalTo("unsupported_frame_rate"));
        given().auth().oauth2(token).contentType("video/mp4").body(TestMedia.mp4(10, 1080, 1920, 30, "mp4v"))
                .when().post("/media").then().statusCode(422).body("code", equalTo("unsupported_codec"));
        byte[] truncated = java.util.Arrays.copyOf(TestMedia.mp4(10, 1080, 1920, 30), 2000);
        given().auth().oauth2(token).contentType("video/mp4").body(truncated)
                .when().post("/media").then().statusCode(422).body("code", equalTo("invalid_video"));
        // a JPEG signature in front of random bytes is no image
        byte[] random = new byte[50_000];
        new java.util.Random(15).nextBytes(random);
        given().auth().oauth2(token).contentType("image/jpeg")
                .body(TestMedia.concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, random))
                .when().post("/media").then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("code", equalTo("invalid_image"));
        given().auth().oauth2(token).multiPart("file", "photo.jpg", TestMedia.concat(new byte[]{(byte) 0xFF, (byte) 0xD8,
                        (byte) 0xFF}, random), "image/jpeg")
                .when().post("/media").then().statusCode(422).body("code", equalTo("invalid_image"));
        given().auth().oauth2(token).when().get("/media").then().body("size()", equalTo(0));
        assertThat(s3.listObjectsV2(b -> b.bucket(InfrastructureTest.BUCKET).prefix("users/" + user + "/")).contents()).isEmpty();
        // a real one is taken, with its size
        given().auth().oauth2(token).contentType("image/jpeg").body(TestMedia.jpeg(1080, 1350, 2))
                .when().post("/media").then().statusCode(201).body("kind", equalTo("photo"))
                .body("width", equalTo(1080)).body("height", equalTo(1350));
    }

    @Test
    void mediaUsedByAScheduledPostCannotBeDeleted() {
        long user = Fixtures.newId();
        long media = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
        long post = given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("content", "draft", "status", "draft", "media_ids", List.of(media)))
                .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Fixtures.token(user)).when().delete("/media/" + media).then().statusCode(409)
                .body("code", equalTo("media_in_use"));
        given().auth().oauth2(Fixtures.token(user)).when().delete("/posts/" + post).then().statusCode(204);
        given().auth().oauth2(Fixtures.token(user)).when().delete("/media/" + media).then().statusCode(204);
    }

    @Test
    void aPresignedUploadIsVerifiedByReadingItBack() throws Exception {
        long user = Fixtures.newId();
        var start = given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).body("{\"filename\": \"big.mp4\"}")
                .when().post("/media/uploads").then().statusCode(201).extract().jsonPath();
        long id = start.getLong("media_id");
        given().auth().oauth2(Fixtures.token(user)).when().post("/media/" + id + "/complete").then().statusCode(409)
                .body("code", equalTo("upload_missing"));
        byte[] video = TestMedia.mp4(20, 720, 1280, 25);
        // a bare POST (no body) also starts an upload
        given().auth().oauth2(Fixtures.token(user)).when().post("/media/uploads").then().statusCode(201);
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(start.getString("upload_url")))
                .header("Content-Type", start.getString("headers.Content-Type"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(video)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        given().auth().oauth2(Fixtures.token(user)).when().post("/media/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("ready")).body("duration_seconds", equalTo(20.0f)).body("fps", equalTo(25.0f));
    }

    @Test
    void theOwnerGetsAShortLivedAddressToShowVerifiedMediaAndNobodyElseDoes() throws Exception {
        long user = Fixtures.newId();
        byte[] video = TestMedia.mp4(10, 1080, 1920, 30);
        long id = Fixtures.uploadVideo(user, video);
        var preview = given().auth().oauth2(Fixtures.token(user)).when().get("/media/" + id + "/preview").then()
                .statusCode(200).body("expires_at", notNullValue()).extract().jsonPath();
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(preview.getString("url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(video);
        assertThat(fetched.headers().firstValue("Content-Type")).contains("video/mp4");

        given().auth().oauth2(Fixtures.token(Fixtures.newId())).when().get("/media/" + id + "/preview").then()
                .statusCode(404).contentType("application/problem+json");
        long pending = given().auth().oauth2(Fixtures.token(user)).when().post("/media/uploads").then().statusCode(201)
                .extract().jsonPath().getLong("media_id");
        given().auth().oauth2(Fixtures.token(user)).when().get("/media/" + pending + "/preview").then().statusCode(404);
        given().when().get("/media/" + id + "/preview").then().statusCode(401);
    }

    @Test
    void aPosterFrameIsStoredForItsOwnerOnlyServedFromAShortLivedAddressAndGoesWithTheMedia() throws Exception {
        long user = Fixtures.newId();
        String token = Fixtures.token(user);
        long id = Fixtures.uploadVideo(user, TestMedia.mp4(12, 1080, 1920, 30));
        given().auth().oauth2(token).when().get("/media/" + id).then().body("poster_url", equalTo(null));
        byte[] poster = TestMedia.jpeg(360, 640, 3);
        given().auth().oauth2(Fixtures.token(Fixtures.newId())).contentType("image/jpeg").body(poster)
                .when().put("/media/" + id + "/poster").then().statusCode(404);
        String url = given().auth().oauth2(token).contentType("image/jpeg").body(poster)
                .when().put("/media/" + id + "/poster").then().statusCode(200)
                .body("id", equalTo((int) id)).body("poster_url", notNullValue()).extract().path("poster_url");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(poster);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        given().auth().oauth2(token).when().get("/media").then().body("[0].poster_url", notNullValue());

        // what is not a small, whole JPEG is refused and the stored poster stays
        given().auth().oauth2(token).contentType("image/jpeg").body("not a picture".getBytes())
                .when().put("/media/" + id + "/poster").then().statusCode(415)
                .contentType(containsString("application/problem+json")).body("code", equalTo("unsupported_media_type"));
        given().auth().oauth2(token).contentType("image/jpeg").body(java.util.Arrays.copyOf(poster, poster.length / 2))
                .when().put("/media/" + id + "/poster").then().statusCode(415);
        given().auth().oauth2(token).contentType("image/jpeg").body(TestMedia.jpeg(1400, 100, 1))
                .when().put("/media/" + id + "/poster").then().statusCode(422).body("code", equalTo("unsupported_resolution"))
                .body("detail", containsString("1400x100"));
        given().auth().oauth2(token).contentType("image/jpeg").body(new byte[256 * 1024 + 1])
                .when().put("/media/" + id + "/poster").then().statusCode(413).body("code", equalTo("file_too_large"));
        given().auth().oauth2(token).contentType("image/png").body(poster)
                .when().put("/media/" + id + "/poster").then().statusCode(415);
        byte[] kept = s3.getObjectAsBytes(b -> b.bucket(InfrastructureTest.BUCKET)
                .key("users/" + user + "/posters/" + id + ".jpg")).asByteArray();
        assertThat(kept).isEqualTo(poster);

        given().auth().oauth2(token).when().delete("/media/" + id).then().statusCode(204);
        assertThat(s3.listObjectsV2(b -> b.bucket(InfrastructureTest.BUCKET).prefix("users/" + user + "/")).contents()).isEmpty();
        given().auth().oauth2(token).contentType("image/jpeg").body(poster)
                .when().put("/media/" + id + "/poster").then().statusCode(404);
    }
}
