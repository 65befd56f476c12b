package io.tiktimer.tiktok;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Connecting TikTok accounts through the sandbox's consent page, and everything that must not connect one. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class ConnectFlowTest {

    @Inject
    DataSource dataSource;

    @Test
    void connectsTwoTikTokAccountsOfOneUserThroughTheConsentPage() throws Exception {
        long userId = newUserId();
        String first = newCreator("first" + userId);
        String second = newCreator("second" + userId);

        String url = authorizationUrl(userId);
        assertThat(url).startsWith(sandbox().authBaseUrl() + "/v2/auth/authorize/");
        Map<String, String> params = query(URI.create(url));
        assertThat(params).containsEntry("client_key", TikTokSandboxResource.CLIENT_KEY)
                .containsEntry("scope", "user.info.basic,video.publish,video.upload")
                .containsEntry("redirect_uri", REDIRECT_URI).containsEntry("response_type", "code");
        assertThat(params.get("state")).hasSizeGreaterThanOrEqualTo(22); // ≥ 128 random bits, base64url

        // first account: a person clicks through the HTML consent page
        followCallback(consentThroughPage(url, first)).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("TikTok account connected")).body(containsString("Creator first" + userId));
        // second account: same user, another TikTok login
        followCallback(consent(authorizationUrl(userId), ConsentDecision.approveAs(second))).then().statusCode(200);

        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].open_id", equalTo(first)).body("[0].display_name", equalTo("Creator first" + userId))
                .body("[0].username", equalTo("first" + userId)).body("[0].status", equalTo("connected"))
                .body("[0].granted_scopes", equalTo(List.of("user.info.basic", "video.publish", "video.upload")))
                .body("[1].open_id", equalTo(second))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("access_token")));

        long firstId = accountIdOf(userId, first);
        long secondId = accountIdOf(userId, second);
        List<TikTokAccountChanged> events = awaitAccountEvents(e -> e.userId() == userId, 2);
        assertThat(events).extracting(TikTokAccountChanged::accountId).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(AccountStatus.CONNECTED);
            assertThat(e.type()).isEqualTo(TikTokAccountChanged.TYPE);
            assertThat(e.grantedScopes()).containsExactly("user.info.basic", "video.publish", "video.upload");
        });
    }

    @Test
    void aStrangerConsentingThroughAForwardedLinkLinksNothing() throws Exception {
        long starter = newUserId();
        long stranger = newUserId();
        String strangersTikTok = newCreator("stranger" + stranger);
        String startersTikTok = newCreator("starter" + starter);
        // A asks for the URL in A's browser (which gets the binding cookie) and sends the URL to B
        String url = authorizationUrl(starter);

        // B opens it in B's own browser, picks B's TikTok account on the real consent page and authorizes
        URI strangersCallback = consentThroughPage(url, strangersTikTok);
        followCallbackInAnotherBrowser(strangersCallback).then().statusCode(403).contentType(ContentType.HTML)
                .body(containsString("Nothing was connected")).body(containsString("sign in to TikTimer in this "
                        + "browser"));
        // B signed in to TikTimer as B, or a cookie of the right name with a guessed value, changes nothing
        given().auth().oauth2(userToken(stranger)).urlEncodingEnabled(false).redirects().follow(false)
                .get(strangersCallback.getRawPath() + "?" + strangersCallback.getRawQuery()).then().statusCode(403);
        followCallback(strangersCallback, given().cookie(bindingCookieName(url), "guessed"))
                .then().statusCode(403);
        assertNothingStoredFor(starter);
        assertNothingStoredFor(stranger);
        assertThat(openIdStored(strangersTikTok)).isFalse();

        // A's own browser completes the same authorization: linked to A
        followCallback(consentThroughPage(url, startersTikTok)).then().statusCode(200)
                .body(containsString("TikTok account connected"));
        given().auth().oauth2(userToken(starter)).get("/api/v1/tiktok/accounts").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].open_id", equalTo(startersTikTok));
        assertThat(openIdStored(strangersTikTok)).isFalse();
    }

    @Test
    void theBindingCookieIsHttpOnlyLaxScopedToTheCallbackAndSpentByIt() throws Exception {
        long userId = newUserId();
        io.restassured.response.Response authorize = given().auth().oauth2(userToken(userId))
                .get("/api/v1/auth/tiktok/authorize");
        authorize.then().statusCode(200).header("Cache-Control", "no-store");
        io.restassured.http.Cookie cookie = bindingCookieOf(authorize);
        String url = authorize.path("authorization_url");
        assertThat(cookie.getName()).isEqualTo(bindingCookieName(url));
        assertThat(cookie.getValue()).hasSizeGreaterThanOrEqualTo(43).doesNotContain(query(URI.create(url))
                .get("state"));
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/api/v1/auth/tiktok/callback");
        assertThat(cookie.isSecured()).as("Secure only when the callback is served over HTTPS").isFalse();
        assertThat(cookie.getMaxAge()).isEqualTo(600);

        URI callback = consent(url, ConsentDecision.approveAs(newCreator("spent" + userId)));
        io.restassured.http.Cookie spent = followCallback(callback, given().cookie(cookie.getName(), cookie.getValue()))
                .then().statusCode(200).extract().detailedCookie(cookie.getName());
        assertThat(spent.getMaxAge()).isZero();
    }

    @Test
    void aClientSignedInAsTheStartingUserMayCompleteTheCallbackItself() {
        long userId = newUserId();
        String openId = newCreator("client" + userId);
        URI callback = consent(authorizationUrl(userId), ConsentDecision.approveAs(openId));
        given().auth().oauth2(userToken(userId)).urlEncodingEnabled(false).redirects().follow(false)
                .get(callback.getRawPath() + "?" + callback.getRawQuery()).then().statusCode(200);
        assertThat(openIdStored(openId)).isTrue();
    }

    @Test
    void unreadableAuthorizeAndCallbackParametersAre400ProblemsNamingThem() {
        given().auth().oauth2(userToken(newUserId())).get("/api/v1/auth/tiktok/authorize?redirect=maybe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("redirect")).body("violations[0].in", equalTo("query"));
        long userId = newUserId();
        String url = authorizationUrl(userId);
        String state = query(URI.create(url)).get("state");
        for (String field : List.of("code", "scopes", "error", "error_description")) {
            followCallback(URI.create(REDIRECT_URI + "?state=" + state + "&" + field + "=a%00b"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field)).body("violations[0].in", equalTo("query"))
                    .body("violations[0].message", equalTo("must not contain NUL characters"));
        }
        given().urlEncodingEnabled(false).get("/api/v1/auth/tiktok/callback?state=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("state"));
        // nothing was consumed by the refused requests: the browser that started the flow can still finish it
        followCallback(consent(url, ConsentDecision.approveAs(newCreator("after-nul" + userId)))).then()
                .statusCode(200);
    }

    @Test
    void authorizeCanRedirectTheBrowserStraightToTikTok() {
        given().auth().oauth2(userToken(newUserId())).redirects().follow(false)
                .get("/api/v1/auth/tiktok/authorize?redirect=true")
                .then().statusCode(302).header("Location", startsWith(sandbox().authBaseUrl() + "/v2/auth/authorize/"));
    }

    @Test
    void denialShowsAClearPageAndStoresNothing() {
        long userId = newUserId();
        URI callback = consent(authorizationUrl(userId), ConsentDecision.deny());
        assertThat(query(callback)).containsEntry("error", "access_denied");
        followCallback(callback).then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("TikTok access not granted")).body(containsString("no account was connected"));
        assertNothingStoredFor(userId);
    }

    @Test
    void anErrorTikTokSendsBackIsShownAsTextNotMarkup() {
        long userId = newUserId();
        URI denied = consent(authorizationUrl(userId), ConsentDecision.deny());
        URI hostile = URI.create(denied.getScheme() + "://" + denied.getRawAuthority() + denied.getRawPath() + "?"
                + denied.getRawQuery().replace("error=access_denied", "error=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"));
        String page = followCallback(hostile).then().contentType(ContentType.HTML).extract().asString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertNothingStoredFor(userId);
    }

    @Test
    void partialScopesShowWhatIsMissingAndStoreNothing() {
        long userId = newUserId();
        String openId = newCreator("partial" + userId);
        URI callback = consent(authorizationUrl(userId),
                ConsentDecision.approveAs(openId).grantingOnly("user.info.basic", "video.upload"));
        followCallback(callback).then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("Permissions missing")).body(containsString("video.publish"));
        assertNothingStoredFor(userId);
    }

    @Test
    void partialScopesAreAlsoCaughtFromTheTokenAnswerWhenTheCallbackOmitsThem() {
        long userId = newUserId();
        String openId = newCreator("partial2" + userId);
        URI callback = consent(authorizationUrl(userId), ConsentDecision.approveAs(openId).grantingOnly("user.info.basic"));
        String withoutScopes = callback.getRawQuery().replaceAll("(^|&)scopes=[^&]*", "");
        followCallback(URI.create(callback.getScheme() + "://" + callback.getRawAuthority() + callback.getRawPath()
                + "?" + withoutScopes))
                .then().statusCode(400).body(containsString("video.publish")).body(containsString("video.upload"));
        assertNothingStoredFor(userId);
    }

    @Test
    void forgedStateIsRejectedAndNothingStored() {
        long userId = newUserId();
        String openId = newCreator("forged" + userId);
        URI callback = consent(authorizationUrl(userId), ConsentDecision.approveAs(openId));
        Map<String, String> params = query(callback);
        given().queryParam("code", params.get("code")).queryParam("state", "forged-" + params.get("state"))
                .get("/api/v1/auth/tiktok/callback")
                .then().statusCode(400).contentType(ContentType.HTML).body(containsString("Link expired or invalid"));
        given().queryParam("code", params.get("code")).get("/api/v1/auth/tiktok/callback").then().statusCode(400);
        assertNothingStoredFor(userId);
        assertThat(openIdStored(openId)).isFalse();
    }

    @Test
    void reusedStateIsRejected() {
        long userId = newUserId();
        String openId = newCreator("reuse" + userId);
        String otherOpenId = newCreator("reuse-other" + userId);
        String url = authorizationUrl(userId);
        followCallback(consent(url, ConsentDecision.approveAs(openId))).then().statusCode(200);
        // the same state again (a replayed or bookmarked callback, here carrying another fresh code)
        followCallback(consent(url, ConsentDecision.approveAs(otherOpenId))).then().statusCode(400)
                .body(containsString("Link expired or invalid"));
        assertThat(openIdStored(otherOpenId)).isFalse();
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts").then().body("$", hasSize(1));
    }

    @Test
    void expiredStateIsRejected() {
        long userId = newUserId();
        String openId = newCreator("expired" + userId);
        String url = authorizationUrl(userId);
        URI callback = consent(url, ConsentDecision.approveAs(openId));
        sandbox().clock().advance(Duration.ofMinutes(11));
        followCallback(callback).then().statusCode(400).body(containsString("Link expired or invalid"));
        assertNothingStoredFor(userId);
    }

    @Test
    void anotherUsersStateIsRejectedByExchangeToken() {
        long victim = newUserId();
        long attacker = newUserId();
        String openId = newCreator("victim" + victim);
        Map<String, String> params = query(consent(authorizationUrl(victim), ConsentDecision.approveAs(openId)));
        given().auth().oauth2(userToken(attacker)).contentType(ContentType.JSON)
                .body(Map.of("code", params.get("code"), "state", params.get("state")))
                .post("/api/v1/auth/tiktok/exchange-token")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_state"))
                .body("status", equalTo(400)).body("title", equalTo("Bad Request"));
        assertNothingStoredFor(attacker);
        assertNothingStoredFor(victim);
        assertThat(openIdStored(openId)).isFalse();
    }

    @Test
    void exchangeTokenConnectsWithTheSeedResponse() {
        long userId = newUserId();
        String openId = newCreator("manual" + userId);
        Map<String, String> params = query(consent(authorizationUrl(userId), ConsentDecision.approveAs(openId)));
        given().auth().oauth2(userToken(userId)).contentType(ContentType.JSON)
                .body(Map.of("code", params.get("code"), "state", params.get("state")))
                .post("/api/v1/auth/tiktok/exchange-token")
                .then().statusCode(200).body("message", equalTo("TikTok account connected successfully"))
                .body("user_id", equalTo((int) userId));
        assertThat(openIdStored(openId)).isTrue();
    }

    @Test
    void exchangeTokenWithoutStateNeedsExactlyOnePendingAuthorization() {
        long userId = newUserId();
        String openId = newCreator("nostate" + userId);
        Map<String, String> params = query(consent(authorizationUrl(userId), ConsentDecision.approveAs(openId)));
        given().auth().oauth2(userToken(userId)).contentType(ContentType.JSON).body(Map.of("code", params.get("code")))
                .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(200);

        long twice = newUserId();
        String other = newCreator("nostate2" + twice);
        authorizationUrl(twice);
        Map<String, String> second = query(consent(authorizationUrl(twice), ConsentDecision.approveAs(other)));
        given().auth().oauth2(userToken(twice)).contentType(ContentType.JSON).body(Map.of("code", second.get("code")))
                .post("/api/v1/auth/tiktok/exchange-token")
                .then().statusCode(400).body("code", equalTo("invalid_state"));
        assertNothingStoredFor(twice);
    }

    @Test
    void exchangeTokenRefusesBadInputWithProblemJson() {
        String token = userToken(newUserId());
        // read, but the code is missing: 422 naming the field
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422))
                .body("violations[0].field", equalTo("code")).body("violations[0].in", equalTo("body"));
        // cannot be read: 400
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("The body is not valid JSON"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\": [1]}")
                .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("code"))
                .body("violations[0].message", equalTo("must be a string"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("")
                .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aTikTokAccountConnectedByOneUserCannotBeTakenByAnother() {
        long owner = newUserId();
        long other = newUserId();
        String openId = newCreator("taken" + owner);
        connect(owner, openId);
        followCallback(consent(authorizationUrl(other), ConsentDecision.approveAs(openId))).then().statusCode(409)
                .body(containsString("already connected"));
        assertNothingStoredFor(other);
        given().auth().oauth2(userToken(owner)).get("/api/v1/tiktok/accounts").then().body("$", hasSize(1))
                .body("[0].status", equalTo("connected"));
    }

    @Test
    void reconnectingAnAccountReplacesItsTokensInsteadOfAddingARow() {
        long userId = newUserId();
        String openId = newCreator("again" + userId);
        long id = connect(userId, openId);
        String before = accessToken(id, userId).then().statusCode(200).extract().path("accessToken");
        followCallback(consent(authorizationUrl(userId), ConsentDecision.approveAs(openId))).then().statusCode(200)
                .body(containsString("again."));
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts").then().body("$", hasSize(1))
                .body("[0].id", equalTo((int) id));
        assertThat((String) accessToken(id, userId).then().statusCode(200).extract().path("accessToken"))
                .isNotEqualTo(before);
    }

    /** The cookie name authorize uses for this URL's state: the first 8 bytes of its SHA-256, in hex. */
    private static String bindingCookieName(String authorizationUrl) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                query(URI.create(authorizationUrl)).get("state").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "tiktimer_tiktok_" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    }

    private void assertNothingStoredFor(long userId) {
        given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts").then().statusCode(200)
                .body("$", hasSize(0));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from tiktok.tiktok_account where user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean openIdStored(String openId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from tiktok.tiktok_account where open_id = ?")) {
            s.setString(1, openId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
