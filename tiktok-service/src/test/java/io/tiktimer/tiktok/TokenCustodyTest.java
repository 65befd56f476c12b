package io.tiktimer.tiktok;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import io.tiktimer.tiktok.service.ProactiveRefreshJob;
import io.tiktimer.tiktok.service.TokenCipher;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import io.tiktimer.devstack.testing.PrometheusText;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Token custody: encryption at rest, the internal token endpoint, refresh policy and failure classification. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class TokenCustodyTest {

    @Inject
    DataSource dataSource;

    @Inject
    TokenCipher cipher;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void resumeBackgroundRefresh() {
        scheduler.resume(ProactiveRefreshJob.IDENTITY);
        sandbox().faults().clear();
    }

    @Test
    void tokensInTheDatabaseAreNotReadableAsPlaintext() throws Exception {
        long userId = newUserId();
        String openId = newCreator("sealed" + userId);
        long id = connect(userId, openId);
        String accessToken = accessToken(id, userId).then().statusCode(200).extract().path("accessToken");
        String refreshToken = storedRefreshToken(id, openId);
        assertThat(accessToken).startsWith("act.");
        assertThat(refreshToken).startsWith("rft.");

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select t::text, access_token_ciphertext, "
                     + "refresh_token_ciphertext, token_key_id from tiktok.tiktok_account t where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String wholeRow = rs.getString(1);
                assertThat(wholeRow).doesNotContain(accessToken).doesNotContain(refreshToken)
                        .doesNotContain("act.").doesNotContain("rft.");
                for (byte[] column : List.of(rs.getBytes(2), rs.getBytes(3))) {
                    String raw = new String(column, StandardCharsets.ISO_8859_1);
                    assertThat(raw).doesNotContain(accessToken).doesNotContain(refreshToken).doesNotContain("act.")
                            .doesNotContain("rft.");
                    assertThat(TokenCipher.keyIdOf(column)).isEqualTo("local-2026a");
                }
                assertThat(rs.getString(4)).isEqualTo("local-2026a");
            }
        }
    }

    @Test
    void publisherWorkerGetsATokenWithOpenIdAndScopes() {
        long userId = newUserId();
        String openId = newCreator("worker" + userId);
        long id = connect(userId, openId);
        accessToken(id, userId).then().statusCode(200).contentType(ContentType.JSON)
                .body("accountId", equalTo((int) id)).body("openId", equalTo(openId))
                .body("scopes", hasItems("user.info.basic", "video.publish", "video.upload"))
                .body("expiresAt", org.hamcrest.Matchers.notNullValue());
        // another user's id, an unknown account, a user token instead of the worker's, a bad body
        accessToken(id, userId + 1).then().statusCode(404).contentType("application/problem+json");
        accessToken(Long.MAX_VALUE, userId).then().statusCode(404);
        given().auth().oauth2(userToken(userId)).contentType(ContentType.JSON).body(Map.of("userId", userId))
                .post("/internal/accounts/" + id + "/access-token").then().statusCode(403);
        given().auth().oauth2(workerToken()).contentType(ContentType.JSON).body("{}")
                .post("/internal/accounts/" + id + "/access-token").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("userId"));
        given().auth().oauth2(workerToken()).contentType(ContentType.JSON).body("{\"userId\": \"me\"}")
                .post("/internal/accounts/" + id + "/access-token").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("userId"))
                .body("violations[0].message", org.hamcrest.Matchers.startsWith("must be a whole number"));
        for (String forged : JwtResource.issuer().forgeriesFor(userId, "user" + userId).all()) {
            given().auth().oauth2(forged).contentType(ContentType.JSON).body(Map.of("userId", userId))
                    .post("/internal/accounts/" + id + "/access-token").then().statusCode(401);
        }
    }

    @Test
    void twoConcurrentTokenRequestsCauseOneRefreshAndTheRotatedRefreshTokenIsStored() throws Exception {
        scheduler.pause(ProactiveRefreshJob.IDENTITY);
        long userId = newUserId();
        String openId = newCreator("race" + userId);
        long id = connect(userId, openId);
        String before = accessToken(id, userId).then().statusCode(200).extract().path("accessToken");
        String refreshBefore = storedRefreshToken(id, openId);

        sandbox().clock().advance(Duration.ofHours(24).minusMinutes(3)); // inside the 5 min margin
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> awaitThen(start, () -> accessToken(id, userId)), pool),
                    CompletableFuture.supplyAsync(() -> awaitThen(start, () -> accessToken(id, userId)), pool));
            start.countDown();
            List<String> tokens = calls.stream().map(CompletableFuture::join)
                    .map(r -> r.then().statusCode(200).extract().<String>path("accessToken")).toList();
            // Two refreshes would have produced two different tokens, and the second one, presenting the refresh
            // token the first had rotated out, would have got invalid_grant and disconnected the account.
            assertThat(tokens.get(0)).isEqualTo(tokens.get(1)).isNotEqualTo(before);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id).then()
                .body("status", equalTo("connected"));

        String refreshAfter = storedRefreshToken(id, openId);
        assertThat(refreshAfter).isNotEqualTo(refreshBefore);
        // TikTok killed the rotated-out token; the stored one is the live one.
        assertThat(tiktokOAuth("/v2/oauth/token/", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshBefore))).contains("invalid_grant");
        String forced = given().auth().oauth2(workerToken()).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "forceRefresh", true)).post("/internal/accounts/" + id + "/access-token")
                .then().statusCode(200).extract().path("accessToken");
        // the forced refresh presented the stored (rotated) refresh token and TikTok accepted it
        assertThat(storedRefreshToken(id, openId)).isNotEqualTo(refreshAfter);
        assertThat(creatorInfoStatusAtTikTok(forced)).isEqualTo(200);
    }

    @Test
    void tokensAreRefreshedProactivelyBeforeTheyExpire() throws Exception {
        long userId = newUserId();
        String openId = newCreator("proactive" + userId);
        long id = connect(userId, openId);
        String before = accessToken(id, userId).then().statusCode(200).extract().path("accessToken");
        Instant expiryBefore = storedAccessExpiry(id);

        sandbox().clock().advance(Duration.ofHours(23).plusMinutes(30)); // 30 min left: inside the 1 h job margin
        await().atMost(Duration.ofSeconds(30)).until(() -> storedAccessExpiry(id).isAfter(expiryBefore));

        assertThat(storedAccessExpiry(id)).isAfter(sandbox().clock().now().plus(Duration.ofHours(23)));
        String after = tokens(id, userId);
        assertThat(after).isNotEqualTo(before);
        assertThat(creatorInfoStatusAtTikTok(after)).isEqualTo(200);
    }

    @Test
    void invalidGrantMarksTheAccountNeedsReconnect() throws Exception {
        scheduler.pause(ProactiveRefreshJob.IDENTITY);
        long userId = newUserId();
        String openId = newCreator("revoked" + userId);
        long id = connect(userId, openId);
        String token = tokens(id, userId);
        // the creator removes TikTimer in TikTok's app settings: every token of the consent dies
        tiktokOAuth("/v2/oauth/revoke/", Map.of("token", token));

        given().auth().oauth2(workerToken()).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "forceRefresh", true))
                .post("/internal/accounts/" + id + "/access-token")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("reconnect_required"));
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id).then()
                .body("status", equalTo("needs_reconnect"));
        accessToken(id, userId).then().statusCode(409).body("code", equalTo("reconnect_required"));
        assertThat(awaitAccountEvents(e -> e.accountId() == id && e.status() == AccountStatus.NEEDS_RECONNECT, 1))
                .hasSize(1);
    }

    @Test
    void tiktokServerErrorsDuringRefreshNeverDisconnect() {
        scheduler.pause(ProactiveRefreshJob.IDENTITY);
        long userId = newUserId();
        String openId = newCreator("flaky" + userId);
        long id = connect(userId, openId);
        String before = tokens(id, userId);
        sandbox().clock().advance(Duration.ofHours(24).minusMinutes(2));
        sandbox().faults().failNext(SandboxEndpoint.OAUTH_TOKEN, 3, Fault.serverError(503));
        double unavailableBefore = metric(UNAVAILABLE_REFRESHES);
        double grantedBefore = metric(GRANTED_REFRESHES);
        double failedCallsBefore = metric(FAILED_REFRESH_CALLS);

        accessToken(id, userId).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30");
        assertThat(metric(UNAVAILABLE_REFRESHES)).as("the refresh that found TikTok away is counted")
                .isEqualTo(unavailableBefore + 1);
        assertThat(metric(FAILED_REFRESH_CALLS)).as("one timed call, its three tries included")
                .isEqualTo(failedCallsBefore + 1);
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts/" + id).then()
                .body("status", equalTo("connected"));

        sandbox().faults().failNext(SandboxEndpoint.OAUTH_TOKEN, 1, Fault.serverError(500));
        String after = tokens(id, userId); // one failure, then the client's retry succeeds
        assertThat(after).isNotEqualTo(before);
        assertThat(metric(GRANTED_REFRESHES)).isEqualTo(grantedBefore + 1);
    }

    private static final String UNAVAILABLE_REFRESHES = "tiktimer_tiktok_token_refreshes_total{result=\"unavailable\"}";
    private static final String GRANTED_REFRESHES = "tiktimer_tiktok_token_refreshes_total{result=\"granted\"}";
    private static final String FAILED_REFRESH_CALLS =
            "tiktimer_tiktok_calls_seconds_count{operation=\"token refresh\",outcome=\"unavailable\"}";

    private static double metric(String series) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), series);
    }

    @Test
    void publisherWorkerCanReportAnAuthorizationTikTokNoLongerAccepts() {
        long userId = newUserId();
        String openId = newCreator("reported" + userId);
        long id = connect(userId, openId);
        given().auth().oauth2(workerToken()).contentType(ContentType.JSON).body(Map.of("userId", userId + 1))
                .post("/internal/accounts/" + id + "/reconnect-required").then().statusCode(404);
        given().auth().oauth2(workerToken()).contentType(ContentType.JSON).body(Map.of("userId", userId))
                .post("/internal/accounts/" + id + "/reconnect-required").then().statusCode(204);
        accessToken(id, userId).then().statusCode(409).body("code", equalTo("reconnect_required"));
    }

    private String tokens(long id, long userId) {
        return accessToken(id, userId).then().statusCode(200).extract().path("accessToken");
    }

    private String storedRefreshToken(long id, String openId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select refresh_token_ciphertext from tiktok.tiktok_account where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return cipher.decrypt(rs.getBytes(1), "tiktimer/tiktok-token/refresh/" + openId);
            }
        }
    }

    private Instant storedAccessExpiry(long id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select access_token_expires_at from tiktok.tiktok_account where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static <T> T awaitThen(CountDownLatch latch, java.util.function.Supplier<T> action) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return action.get();
    }
}
