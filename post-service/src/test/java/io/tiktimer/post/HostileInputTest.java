package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.servicekit.messaging.EventCodec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client sends, answered the way docs/conventions.md promises: 400 for what cannot be read
 * (naming the field), 422 for a value that breaks a rule, 413/415 where they apply, always problem+json with a detail
 * a client can show, and nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class HostileInputTest {

    private static final String FUTURE = "2030-06-01T12:00:00Z";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;
    @Inject
    S3Client s3;

    // ---- A. JSON that cannot be read as a post ----

    @Test
    void jsonOfTheWrongTypeIsA400NamingTheField() throws Exception {
        long user = Fixtures.newId();
        long post = draft(user);
        for (String path : List.of("/posts", "/posts/" + post)) {
            String method = path.equals("/posts") ? "POST" : "PATCH";
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"scheduled_time\":\"" + FUTURE
                    + "\",\"tiktok_account_id\":[1]}"), 400, "tiktok_account_id", "body");
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"media_ids\":\"abc\"}"), 400, "media_ids", "body");
            assertViolation(json(method, path, user, "{\"content\":{\"a\":1}}"), 400, "content", "body");
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"allow_comment\":\"maybe\"}"), 400,
                    "allow_comment", "body");
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"media_ids\":[1,\"two\"]}"), 400,
                    "media_ids[1]", "body");
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"tiktok_account_id\":99999999999999999999}"),
                    400, "tiktok_account_id", "body");
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"photo_cover_index\":3000000000}"),
                    400, "photo_cover_index", "body");
            // blank strings are not numbers or booleans (Jackson's default read them as null: "unchanged")
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"tiktok_account_id\":\"\\u0000\"}"),
                    400, "tiktok_account_id", "body");
            assertViolation(json(method, path, user, "{\"content\":\"x\",\"allow_comment\":\" \"}"),
                    400, "allow_comment", "body");
            assertProblem(json(method, path, user, "[{\"content\":\"x\"}]"), 400);
            assertProblem(json(method, path, user, "\"just a string\""), 400);
            assertProblem(json(method, path, user, "{\"content\":\"x\",\"extra\":" + "[".repeat(5000)
                    + "]".repeat(5000) + "}"), 400);
            assertProblem(json(method, path, user, "{\"content\":\"x\""), 400);
        }
        assertUnchanged(user, post);
    }

    @Test
    void textThePostgresCannotHoldIsA400NamingTheField() throws Exception {
        long user = Fixtures.newId();
        long post = draft(user);
        for (String path : List.of("/posts", "/posts/" + post)) {
            String method = path.equals("/posts") ? "POST" : "PATCH";
            for (String field : List.of("content", "title", "platform")) {
                String other = field.equals("content") ? "" : "\"content\":\"x\",";
                assertViolation(json(method, path, user, "{" + other + "\"" + field + "\":\"a\\u0000b\",\"status\":\"draft\"}"),
                        400, field, "body");
                assertViolation(json(method, path, user, "{" + other + "\"" + field + "\":\"a\\ud800b\",\"status\":\"draft\"}"),
                        400, field, "body");
                assertViolation(json(method, path, user, "{" + other + "\"" + field + "\":\"a\\udc00\",\"status\":\"draft\"}"),
                        400, field, "body");
                byte[] invalidUtf8 = concat(("{" + other + "\"" + field + "\":\"a").getBytes(StandardCharsets.UTF_8),
                        new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF}, "b\",\"status\":\"draft\"}".getBytes(StandardCharsets.UTF_8));
                assertViolation(send(method, path, user, "application/json", invalidUtf8), 400, field, "body");
            }
        }
        assertUnchanged(user, post);
    }

    @Test
    void parametersThatAreNotNumbersAre400sNamingThem() throws Exception {
        long user = Fixtures.newId();
        assertViolation(send("GET", "/posts?page=abc", user, null, null), 400, "page", "query");
        assertViolation(send("GET", "/posts?size=1e3", user, null, null), 400, "size", "query");
        assertViolation(send("GET", "/posts?tiktok_account_id=x", user, null, null), 400, "tiktok_account_id", "query");
        assertViolation(send("GET", "/posts?page=99999999999999999999", user, null, null), 400, "page", "query");
        assertViolation(send("GET", "/posts/abc", user, null, null), 400, "id", "path");
        assertViolation(send("PATCH", "/posts/abc", user, "application/json", "{}".getBytes()), 400, "id", "path");
        assertViolation(send("DELETE", "/posts/1x", user, null, null), 400, "id", "path");
        assertViolation(send("POST", "/posts/abc/retry", user, null, null), 400, "id", "path");
        assertViolation(send("GET", "/media/abc", user, null, null), 400, "id", "path");
        assertViolation(send("POST", "/api/v1/tiktok/posts/abc/publish", user, null, null), 400, "id", "path");
        // a number that is simply not the caller's is still "not found"
        assertProblem(send("GET", "/posts/" + Long.MAX_VALUE, user, null, null), 404);
    }

    // ---- B. multipart ----

    @Test
    void unstorableTextInTheMultipartPostIsA400NamingThePartAndStoresNothing() throws Exception {
        long user = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), Fixtures.newId(), user, AccountStatus.CONNECTED);
        for (String part : List.of("content", "scheduled_time", "privacy_level", "mode")) {
            var request = given().auth().oauth2(Fixtures.token(user));
            for (String name : List.of("content", "scheduled_time", "privacy_level", "mode")) {
                String value = name.equals("scheduled_time") ? FUTURE : name.equals("mode") ? "direct_post"
                        : name.equals("privacy_level") ? "SELF_ONLY" : "caption";
                request = request.multiPart(name, name.equals(part) ? value + "\u0000" : value);
            }
            var response = request.multiPart("video", "clip.mp4", TestMedia.mp4(10, 1080, 1920, 30), "video/mp4")
                    .when().post("/api/v1/tiktok/posts/");
            assertViolation(response.statusCode(), response.contentType(), response.asString(), 400, part, "form");
        }
        assertNothingStored(user);
    }

    @Test
    void garbageMultipartIsA400Or415ProblemAndStoresNothing() throws Exception {
        long user = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), Fixtures.newId(), user, AccountStatus.CONNECTED);
        byte[] video = TestMedia.mp4(10, 1080, 1920, 30);
        byte[] random = new byte[4096];
        new Random(15).nextBytes(random);
        String wellFormedHead = "--XYZ\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\ncaption\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"scheduled_time\"\r\n\r\n" + FUTURE + "\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"video\"; filename=\"a.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n";
        Map<String, byte[]> bodies = Map.of(
                "boundary differs from the declared one", concat(wellFormedHead.replace("XYZ", "OTHER").getBytes(), video,
                        "\r\n--OTHER--\r\n".getBytes()),
                "no closing boundary", concat(wellFormedHead.getBytes(), video),
                "headers only", "--XYZ\r\nContent-Disposition: form-data; name=\"content\"\r\n".getBytes(),
                "random bytes", random,
                "empty body", new byte[0],
                "a part without a name", concat("--XYZ\r\nContent-Type: video/mp4\r\n\r\n".getBytes(), video,
                        "\r\n--XYZ--\r\n".getBytes()));
        for (String path : List.of("/api/v1/tiktok/posts/", "/media")) {
            for (var body : bodies.entrySet()) {
                HttpResponse<String> r = send("POST", path, user, "multipart/form-data; boundary=XYZ", body.getValue());
                // a nameless part is read as a form field, which may not be that large
                assertThat(r.statusCode()).as(path + ", " + body.getKey() + ": " + r.body()).isIn(400, 413, 415);
                assertProblem(r, r.statusCode());
            }
            HttpResponse<String> noBoundary = send("POST", path, user, "multipart/form-data", concat(wellFormedHead.getBytes(), video));
            assertThat(noBoundary.statusCode()).as(path + " without a boundary: " + noBoundary.body()).isIn(400, 415);
            assertProblem(noBoundary, noBoundary.statusCode());
        }
        assertProblem(send("POST", "/api/v1/tiktok/posts/", user, "text/plain", "content=x".getBytes()), 415);
        assertProblem(send("POST", "/posts", user, "text/plain", "{\"content\":\"x\"}".getBytes()), 415);
        assertProblem(send("POST", "/posts", user, "application/json", new byte[0]), 400);
        assertNothingStored(user);
    }

    @Test
    void aCaptionOfTikToksFullLengthFitsInTheMultipartForm() throws Exception {
        long user = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), Fixtures.newId(), user, AccountStatus.CONNECTED);
        // 2,200 characters of 4 bytes each in UTF-8: more than Quarkus' default 2 KB for a form field
        String caption = "\uD83C\uDFAC".repeat(1100);
        given().auth().oauth2(Fixtures.token(user))
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(caption).controlName("content")
                        .mimeType("text/plain").charset(StandardCharsets.UTF_8).build())
                .multiPart("scheduled_time", FUTURE)
                .multiPart("video", "clip.mp4", TestMedia.mp4(10, 1080, 1920, 30), "video/mp4")
                .when().post("/api/v1/tiktok/posts/").then().statusCode(201)
                .body("content", org.hamcrest.Matchers.equalTo(caption));
    }

    // ---- C. instants ----

    private static final List<String> UNREAL_TIMES = List.of("2030-02-30T10:00:00Z", "2030-06-01T24:00:00Z",
            "2030-13-01T10:00:00Z", "2030-06-01T10:61:00Z", "2030-06-01T10:00:00+25:00", "tomorrow");
    private static final List<String> UNSTORABLE_TIMES = List.of("+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "+584556084-04-03T02:25:51.616Z", "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z");

    @Test
    void aTimeThatIsNoRealInstantIsA400AndOneOutsideTheStorableRangeA422() throws Exception {
        long user = Fixtures.newId();
        long post = draft(user);
        for (String path : List.of("/posts", "/posts/" + post)) {
            String method = path.equals("/posts") ? "POST" : "PATCH";
            for (String time : UNREAL_TIMES) {
                assertViolation(json(method, path, user, "{\"content\":\"x\",\"scheduled_time\":\"" + time + "\"}"), 400,
                        "scheduled_time", "body");
            }
            for (String time : UNSTORABLE_TIMES) {
                // a draft too: the value is refused because it cannot be stored as given, whatever the status
                assertViolation(json(method, path, user, "{\"content\":\"x\",\"status\":\"draft\",\"scheduled_time\":\""
                        + time + "\"}"), 422, "scheduled_time", "body");
            }
        }
        for (String time : UNREAL_TIMES) {
            assertViolation(send("GET", "/posts?from=" + enc(time), user, null, null), 400, "from", "query");
            assertViolation(send("GET", "/posts?to=" + enc(time), user, null, null), 400, "to", "query");
        }
        for (String time : UNSTORABLE_TIMES) {
            assertViolation(send("GET", "/posts?from=" + enc(time), user, null, null), 422, "from", "query");
            assertViolation(send("GET", "/posts?to=" + enc(time), user, null, null), 422, "to", "query");
        }
        assertUnchanged(user, post);
    }

    @Test
    void everyScheduledPostMustBeInTheFutureEvenWithoutAccountOrMedia() throws Exception {
        long user = Fixtures.newId();
        long post = draft(user);
        assertViolation(json("POST", "/posts", user, "{\"content\":\"x\",\"scheduled_time\":\"1970-01-01T00:00:00Z\"}"),
                422, "scheduled_time", "body");
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        assertViolation(json("POST", "/posts", user, "{\"content\":\"x\",\"scheduled_time\":\"" + yesterday + "\"}"),
                422, "scheduled_time", "body");
        assertViolation(json("PATCH", "/posts/" + post, user, "{\"status\":\"scheduled\",\"scheduled_time\":\"" + yesterday + "\"}"),
                422, "scheduled_time", "body");
        assertUnchanged(user, post);
        // the overflow that used to wrap into 2035 and pass the check
        assertViolation(json("POST", "/posts", user, "{\"content\":\"x\",\"scheduled_time\":\"+584556084-04-03T02:25:51.616Z\"}"),
                422, "scheduled_time", "body");
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.post where user_id = " + user)).isEqualTo(1);
    }

    @Test
    void theMultipartPostReadsItsTimeStrictlyToo() throws Exception {
        long user = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), Fixtures.newId(), user, AccountStatus.CONNECTED);
        for (String time : List.of("2030-02-30T10:00:00Z", "2030-06-01T24:00:00Z", "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z", "+584556084-04-03T02:25:51.616Z", "1970-01-01T00:00:00Z")) {
            var response = given().auth().oauth2(Fixtures.token(user)).multiPart("content", "x")
                    .multiPart("scheduled_time", time)
                    .multiPart("video", "clip.mp4", TestMedia.mp4(10, 1080, 1920, 30), "video/mp4")
                    .when().post("/api/v1/tiktok/posts/");
            int expected = time.contains("-02-30") || time.contains("T24") ? 400 : 422;
            assertViolation(response.statusCode(), response.contentType(), response.asString(), expected,
                    "scheduled_time", "form");
        }
        assertNothingStored(user);
    }

    // ---- D. lists and body size ----

    @Test
    void listsAreCappedWithA422NamingTheField() throws Exception {
        long user = Fixtures.newId();
        long post = draft(user);
        String many = String.join(",", Collections.nCopies(100_000, "1"));
        assertViolation(json("POST", "/posts", user, "{\"content\":\"x\",\"status\":\"draft\",\"media_ids\":[" + many + "]}"),
                422, "media_ids", "body");
        StringBuilder distinct = new StringBuilder();
        for (int i = 1; i <= 36; i++) {
            distinct.append(i == 1 ? "" : ",").append(i);
        }
        assertViolation(json("PATCH", "/posts/" + post, user, "{\"media_ids\":[" + distinct + "]}"), 422, "media_ids", "body");
        assertUnchanged(user, post);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        long user = Fixtures.newId();
        // JSON is read into memory: far less than the 4 GB an upload may have
        String huge = "{\"content\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(json("POST", "/posts", user, huge), 413);
        // an upload announcing more than TikTok takes is refused before a byte of it is read
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /media HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Fixtures.token(user)
                    + "\r\nContent-Type: video/mp4\r\nContent-Length: 5000000000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = readHttpResponse(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
            assertThat(answer).contains("\"detail\"");
        }
        assertNothingStored(user);
    }

    // ---- helpers ----

    private long draft(long user) {
        return given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body("{\"content\":\"keep me\",\"status\":\"draft\",\"title\":\"t\"}")
                .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void assertUnchanged(long user, long post) throws Exception {
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.post where user_id = " + user)).isEqualTo(1);
        assertThat(Fixtures.queryString(dataSource, "select content || '|' || status || '|' || coalesce(title, '') "
                + "|| '|' || platform from post.post where id = " + post)).isEqualTo("keep me|draft|t|tiktok");
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.post_media where post_id = " + post)).isZero();
    }

    private void assertNothingStored(long user) throws Exception {
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.post where user_id = " + user)).isZero();
        assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.media where user_id = " + user)).isZero();
        assertThat(s3.listObjectsV2(b -> b.bucket(InfrastructureTest.BUCKET).prefix("users/" + user + "/")).contents())
                .isEmpty();
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/problem+json");
        JsonPath body = new JsonPath(r.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("detail")).as(r.body()).isNotBlank().doesNotContain("java.").doesNotContain("Exception");
    }

    static void assertViolation(HttpResponse<String> r, int status, String field, String in) {
        assertViolation(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), status, field, in);
    }

    static void assertViolation(int actualStatus, String contentType, String body, int status, String field, String in) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        JsonPath json = new JsonPath(body);
        assertThat(json.getString("detail")).as(body).isNotBlank().doesNotContain("java.").doesNotContain("Exception");
        assertThat(json.getList("violations.field")).as(body).containsExactly(field);
        assertThat(json.getList("violations.in")).as(body).containsExactly(in);
        assertThat(json.getList("violations.message", String.class)).as(body).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    private static HttpResponse<String> json(String method, String path, long user, String body) throws Exception {
        return send(method, path, user, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String path, long user, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Fixtures.token(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Reads one response (skipping an interim 100 Continue) up to its Content-Length. */
    private static String readHttpResponse(InputStream in) throws Exception {
        while (true) {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return head.toString();
                }
                head.append((char) c);
            }
            if (head.toString().startsWith("HTTP/1.1 100")) {
                continue;
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            return head + new String(body, StandardCharsets.UTF_8);
        }
    }
}
