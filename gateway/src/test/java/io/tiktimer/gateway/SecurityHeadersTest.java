package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SecurityHeadersTest {

    @TestHTTPResource("/")
    URL gateway;

    /** The gateway's own answers, its errors and what it forwards. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/health", "/openapi", "/nowhere", "/posts/%2e%2e/q/health", "/users/me",
            "/posts/fake/empty/401", "/posts/fake/drop", "/.well-known/jwks.json", "/q/swagger-ui/"})
    void everyAnswerForbidsSniffingFramingAndReferrers(String path) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), path);

        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/users/me", "/posts/", "/posts/42", "/media/7", "/api/v1/tiktok/accounts",
            "/api/v1/tiktok/posts/", "/auth/refresh", "/token", "/posts/fake/empty/404"})
    void personalDataIsNeverStoredByCaches(String path) {
        assertThat(RawHttp.get(gateway.getPort(), path).header("cache-control")).isEqualTo("no-store");
    }

    @Test
    void aServicesOwnCachePolicyIsKept() {
        assertThat(RawHttp.get(gateway.getPort(), "/posts/fake/nostore").header("cache-control"))
                .isEqualTo("private, max-age=60");
    }

    @Test
    void publicKeysStayCacheable() {
        assertThat(RawHttp.get(gateway.getPort(), "/.well-known/jwks.json").header("cache-control")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/swagger-ui/", "/q/openapi", "/openapi", "/"})
    void nothingAnnouncesTheQuarkusVersion(String path) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), path);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("server")).isNull();
        assertThat(answer.header("x-powered-by")).isNull();
        assertThat(answer.body()).doesNotContainIgnoringCase(io.quarkus.builder.Version.getVersion());
    }
}
