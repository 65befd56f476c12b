package io.tiktimer.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The steps of the original README's curl tour, as a test user takes them through the gateway. */
final class Journey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INPUT = Pattern.compile(
            "<input type=\"(hidden|radio|checkbox)\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private Journey() {
    }

    static User registerAndLogIn(String name) {
        String username = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery staple " + UUID.randomUUID();
        given().contentType("application/json")
                .body(Map.of("username", username, "email", username + "@example.com", "password", password))
                .when().post("/register").then().statusCode(201);
        var tokens = given().contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password)
                .when().post("/token").then().statusCode(200).extract().jsonPath();
        return new User(tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    /** What the sandbox received for one publish id (byte count and SHA-256). */
    static JsonNode sandboxUpload(RunningStack stack, String publishId) throws Exception {
        for (JsonNode upload : sandboxState(stack).path("received_uploads")) {
            if (publishId.equals(upload.path("publish_id").asText())) {
                return upload;
            }
        }
        throw new AssertionError("The sandbox received no upload for " + publishId);
    }

    /** How many publications (accepted inits) the sandbox holds under this publish id. */
    static long sandboxInitCount(RunningStack stack, String publishId) throws Exception {
        long count = 0;
        for (JsonNode publication : sandboxState(stack).path("publications")) {
            if (publishId.equals(publication.path("publish_id").asText())) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode sandboxState(RunningStack stack) throws Exception {
        String api = stack.components().get("tiktok-sandbox-api");
        return JSON.readTree(given().baseUri(api).when().get("/sandbox/admin/state").then().statusCode(200)
                .extract().asString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class User {
        private final String token;
        private final String refreshToken;

        User(String token, String refreshToken) {
            this.token = token;
            this.refreshToken = refreshToken;
        }

        String token() {
            return token;
        }

        String refreshToken() {
            return refreshToken;
        }

        /** Everything the user can read of their own data, to compare before and after a test. */
        String snapshot() {
            StringBuilder all = new StringBuilder();
            for (String path : List.of("/users/me", "/posts?size=100", "/media", "/api/v1/tiktok/accounts")) {
                all.append(path).append(' ').append(given().auth().oauth2(token).when().get(path).then()
                        .statusCode(200).extract().asString()).append('\n');
            }
            return all.toString();
        }

        /**
         * Connects a TikTok account through the sandbox's consent page, as a person picking the creator account
         * {@code openId} and clicking "Authorize". A TikTok account belongs to one TikTimer user at a time.
         */
        long connectTikTok(RunningStack stack, String openId) {
            var authorizeAnswer = given().auth().oauth2(token)
                    .when().get("/api/v1/auth/tiktok/authorize").then().statusCode(200).extract();
            String authorizationUrl = authorizeAnswer.path("authorization_url");
            // the browser that asked for the URL keeps the binding cookie; only it may complete the callback
            Map<String, String> binding = authorizeAnswer.cookies();
            URI authorize = URI.create(authorizationUrl);
            String page = given().urlEncodingEnabled(false).when().get(authorizationUrl).then().statusCode(200)
                    .extract().asString();
            Map<String, List<String>> form = new HashMap<>();
            List<String> creators = new ArrayList<>();
            Matcher input = INPUT.matcher(page);
            while (input.find()) {
                String name = input.group(2);
                String value = input.group(3).replace("&amp;", "&").replace("&quot;", "\"");
                if ("radio".equals(input.group(1))) {
                    creators.add(value);
                    continue;
                }
                form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            assertThat(creators).as("the consent page offers the creator account").contains(openId);
            form.put("open_id", List.of(openId));
            form.put("decision", List.of("approve"));
            var request = given().baseUri(authorize.getScheme() + "://" + authorize.getAuthority())
                    .redirects().follow(false).contentType("application/x-www-form-urlencoded");
            for (Map.Entry<String, List<String>> field : form.entrySet()) {
                request = request.formParam(field.getKey(), field.getValue().toArray());
            }
            String callback = request.when().post("/v2/auth/authorize/").then().statusCode(302)
                    .extract().header("Location");
            // ./run sends the browser back to the web app's Accounts page, which shows the outcome
            String backToTheApp = given().urlEncodingEnabled(false).redirects().follow(false).cookies(binding)
                    .when().get(callback).then().statusCode(303).extract().header("Location");
            assertThat(backToTheApp).contains("/app/accounts?").contains("tiktok=connected")
                    .contains("account_id=");
            List<Map<String, Object>> accounts = given().auth().oauth2(token)
                    .when().get("/api/v1/tiktok/accounts").then().statusCode(200).extract().path("$");
            return ((Number) accounts.get(accounts.size() - 1).get("id")).longValue();
        }

        long uploadMedia(TestVideo video) {
            return given().auth().oauth2(token)
                    .multiPart("file", video.file().toFile(), "video/mp4")
                    .when().post("/media").then().statusCode(201)
                    .extract().<Number>path("id").longValue();
        }

        long schedule(long account, long media, String content, int secondsAhead) {
            return schedule(account, media, content, secondsAhead, null);
        }

        /** Schedules the post in the caller's trace ({@code traceparent}, or none when null). */
        long schedule(long account, long media, String content, int secondsAhead, String traceparent) {
            Map<String, Object> post = new HashMap<>();
            post.put("content", content);
            post.put("scheduled_time", Instant.now().plusSeconds(secondsAhead).toString());
            post.put("platform", "tiktok");
            post.put("tiktok_account_id", account);
            post.put("media_ids", List.of(media));
            post.put("privacy_level", "SELF_ONLY");
            // right after connecting: post-service asks tiktok-service about an account it has not heard of yet
            var request = given().auth().oauth2(token).contentType("application/json").body(post);
            if (traceparent != null) {
                request.header("traceparent", traceparent);
            }
            return request.when().post("/posts").then().statusCode(201).extract().<Number>path("id").longValue();
        }

        long createSeedTikTokPost(String content, TestVideo video) {
            return given().auth().oauth2(token)
                    .multiPart("content", content)
                    .multiPart("scheduled_time", Instant.now().plusSeconds(3600).toString())
                    .multiPart("video", video.file().toFile(), "video/mp4")
                    .when().post("/api/v1/tiktok/posts/").then().statusCode(201)
                    .extract().<Number>path("id").longValue();
        }

        void publishNow(long post) {
            given().auth().oauth2(token).when().post("/api/v1/tiktok/posts/" + post + "/publish")
                    .then().statusCode(200);
        }

        void editContent(long post, String content) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("content", content))
                    .when().patch("/posts/" + post).then().statusCode(200);
        }

        void delete(long post) {
            given().auth().oauth2(token).when().delete("/posts/" + post).then().statusCode(204);
        }

        void disconnectTikTok() {
            given().auth().oauth2(token).when().delete("/api/v1/auth/tiktok/disconnect").then().statusCode(200);
        }

        JsonNode get(long post) throws Exception {
            return JSON.readTree(given().auth().oauth2(token).when().get("/posts/" + post).then().statusCode(200)
                    .extract().asString());
        }

        int getStatusCode(long post) {
            return given().auth().oauth2(token).when().get("/posts/" + post).then().extract().statusCode();
        }

        List<JsonNode> listPosts() throws Exception {
            List<JsonNode> posts = new ArrayList<>();
            JSON.readTree(given().auth().oauth2(token).when().get("/posts/").then().statusCode(200)
                    .extract().asString()).forEach(posts::add);
            return posts;
        }

        /** Polls the post until it reaches {@code status}; fails fast if it lands in another final state. */
        JsonNode awaitStatus(long post, String status, int seconds) throws Exception {
            Instant deadline = Instant.now().plusSeconds(seconds);
            JsonNode last = null;
            while (Instant.now().isBefore(deadline)) {
                last = get(post);
                String now = last.path("status").asText();
                if (now.equals(status)) {
                    return last;
                }
                if (List.of("published", "failed", "unconfirmed", "cancelled").contains(now)) {
                    throw new AssertionError("post " + post + " ended " + now + ", not " + status + ": " + last);
                }
                pause(Duration.ofMillis(500));
            }
            throw new AssertionError("post " + post + " did not become " + status + " within " + seconds
                    + " s: " + last);
        }
    }
}
