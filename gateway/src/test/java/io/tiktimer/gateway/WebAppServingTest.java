package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The web app as the gateway serves it: deep links, its files, and the API paths it must not shadow. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class WebAppServingTest {

    @TestHTTPResource("/")
    URL gateway;

    /** A bookmark or a reload on any page of the app gets the app, which then renders that page. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/app/", "/app/privacy", "/app/terms", "/app/sign-in", "/app/posts/42",
            "/app/calendar?view=week"})
    void everyClientSideRouteAnswersTheAppsPage(String path) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), path);

        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).contains("<div id=\"root\">").contains("/app/assets/");
        assertThat(answer.header("cache-control")).as("pages are revalidated").isEqualTo("no-cache");
    }

    @Test
    void theAppsScriptIsServedAndMayBeCached() {
        String page = RawHttp.get(gateway.getPort(), "/app/").body();
        Matcher script = Pattern.compile("src=\"(/app/assets/[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find()).as("index.html names its script").isTrue();

        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), script.group(1));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).contains("javascript");
        assertThat(answer.header("cache-control")).isNotEqualTo("no-cache");
    }

    /** A stale or mistyped file name must fail loudly; answering it with a page would break the app silently. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/app/assets/gone-1234.js", "/app/assets/chunk", "/app/favicon.ico"})
    void aMissingFileIsANotFoundProblem(String path) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), path);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("no_route");
    }

    @Test
    void aBrowserOpeningTheRootIsSentToTheApp() {
        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), "GET / HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html,application/xhtml+xml\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("location")).isEqualTo("/app/");
    }

    @Test
    void anApiClientAtTheRootKeepsTheWelcome() {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).doesNotStartWith("text/html");
    }

    /** The app lives under its own prefix: the original clients' paths still reach the services. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/posts/fake/empty/401", "/nowhere"})
    void apiPathsAreNotShadowed(String path) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), path);

        assertThat(answer.header("content-type")).doesNotStartWith("text/html");
    }
}
