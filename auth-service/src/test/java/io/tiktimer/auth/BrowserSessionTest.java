package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The web app's session: the refresh token lives in an HttpOnly, SameSite=Strict cookie that JavaScript never sees,
 * is rotated on each refresh, needs the X-Requested-With header (CSRF), and is cleared at logout; the API's other
 * clients are unaffected.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class BrowserSessionTest {

    private static final String MARKER = "X-Requested-With";
    private static final String COOKIE = "tiktimer_refresh";

    @Test
    void aBrowserSignInPutsTheRefreshTokenInAnHttpOnlyStrictCookieAndNotInTheBody() {
        Api.Account account = Api.register("browser");

        Response answer = browserLogin(account);

        answer.then().statusCode(200).body("refresh_token", nullValue()).body("token_type", equalTo("bearer"));
        String setCookie = sessionCookieHeader(answer);
        assertThat(setCookie).startsWith(COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/auth").contains("Max-Age=604800").doesNotContain("Secure");
        Api.bearer(answer.jsonPath().getString("access_token")).get("/users/me").then().statusCode(200);
    }

    @Test
    void behindHttpsTheCookieIsSecure() {
        Api.Account account = Api.register("https");

        Response answer = Api.anyClient().header(MARKER, "TikTimer").header("X-Forwarded-Proto", "https")
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", account.username()).formParam("password", account.password())
                .post("/token");

        assertThat(sessionCookieHeader(answer)).contains("Secure");
    }

    @Test
    void theCookieRenewsTheSessionAndIsRotatedAReusedOneEndsIt() {
        Api.Account account = Api.register("rotate");
        String first = browserLogin(account).getCookie(COOKIE);

        Response renewed = refreshByCookie(first);
        renewed.then().statusCode(200).body("refresh_token", nullValue());
        String second = renewed.getCookie(COOKIE);
        assertThat(second).isNotBlank().isNotEqualTo(first);
        String access = renewed.jsonPath().getString("access_token");
        Api.bearer(access).get("/users/me").then().statusCode(200);

        // the spent cookie comes back (stolen): the whole session ends, and the answer drops the cookie
        Response reused = refreshByCookie(first);
        reused.then().statusCode(401).contentType("application/problem+json");
        assertThat(sessionCookieHeader(reused)).contains("Max-Age=0");
        refreshByCookie(second).then().statusCode(401);
        Api.bearer(access).get("/users/me").then().statusCode(401);
    }

    @Test
    void theCookieAloneIsRefusedSoAnotherSiteCannotRenewTheSession() {
        Api.Account account = Api.register("csrf");
        String cookie = browserLogin(account).getCookie(COOKIE);

        given().cookie(COOKIE, cookie).contentType("application/json").body("{}").post("/auth/refresh")
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("csrf_header_missing"));

        // the refused request did not spend the token
        refreshByCookie(cookie).then().statusCode(200);
    }

    @Test
    void withoutACookieTheBrowserIsToldToSignIn() {
        given().header(MARKER, "TikTimer").contentType("application/json").body("{}").post("/auth/refresh")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("no_session_cookie"));
    }

    /** Whatever a browser (or an attacker) puts into the cookie, the answer is a 401 problem that drops it. */
    @Test
    void aForgedCookieIsA401ProblemAndIsCleared() {
        for (String forged : List.of("x", "not-a-token-" + "a".repeat(600), "%00%ff", "\"quoted\"")) {
            Response answer = refreshByCookie(forged);
            answer.then().statusCode(401).contentType("application/problem+json");
            assertThat(sessionCookieHeader(answer)).as(forged).contains("Max-Age=0");
        }
    }

    @Test
    void logoutClearsTheCookieAndEndsWhatItHeld() {
        Api.Account account = Api.register("bye");
        Response login = browserLogin(account);
        String cookie = login.getCookie(COOKIE);

        Response logout = Api.bearer(login.jsonPath().getString("access_token")).header(MARKER, "TikTimer")
                .post("/auth/logout");

        logout.then().statusCode(204);
        assertThat(sessionCookieHeader(logout)).startsWith(COOKIE + "=;").contains("Max-Age=0");
        refreshByCookie(cookie).then().statusCode(401);
    }

    @Test
    void theOriginalClientsStillGetTheRefreshTokenInTheBodyAndNoCookie() {
        Api.Account account = Api.register("seed");

        Response answer = Api.login(account.username(), account.password());

        answer.then().statusCode(200);
        assertThat(answer.jsonPath().getString("refresh_token")).isNotBlank();
        assertThat(answer.headers().getValues("Set-Cookie")).isEmpty();
        Api.refresh(answer.jsonPath().getString("refresh_token")).then().statusCode(200);
        assertThat(Api.refresh("x").headers().getValues("Set-Cookie")).isEmpty();
    }

    private static Response browserLogin(Api.Account account) {
        return Api.anyClient().header(MARKER, "TikTimer").contentType("application/x-www-form-urlencoded")
                .formParam("username", account.username()).formParam("password", account.password())
                .post("/token");
    }

    private static Response refreshByCookie(String cookie) {
        return given().header(MARKER, "TikTimer").cookie(COOKIE, cookie).contentType("application/json").body("{}")
                .post("/auth/refresh");
    }

    private static String sessionCookieHeader(Response answer) {
        List<String> cookies = answer.headers().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(COOKIE + "=")).toList();
        assertThat(cookies).as("one Set-Cookie for the session").hasSize(1);
        return cookies.get(0);
    }
}
