package io.tiktimer.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway routes on the normalised path and forwards only that: no spelling of a path reaches a service's
 * /q/*, /internal/**, /oauth/token or anything else outside routes.yaml.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class PathNormalisationTest {

    @TestHTTPResource("/")
    URL gateway;

    /** Well-formed request targets that normalise to somewhere outside the table, or stay ambiguous: 404. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /users/../q/health",
            "GET /users/../q/health/ready",
            "GET /users/me/../../q/openapi",
            "GET /posts/./../q/health",
            "GET /posts/%2e%2e/q/health",
            "GET /posts/%2E%2E/q/health",
            "GET /posts/.%2e/q/health",
            "GET /%2e%2e/posts/../q/health",
            "GET /posts/%2e%2e%2fq%2fhealth",
            "GET /posts%2f..%2fq%2fhealth",
            "GET /posts/..%2Fq/health",
            "GET /posts/x%2F..%2F..%2Finternal/accounts/1/access-token",
            "GET /posts/..%5cq%5chealth",
            "GET /posts/..%5Cq%5Chealth",
            "GET //posts/../../q/health",
            "GET /posts//..//..//q/health",
            "GET /posts/..;/q/health",
            "GET /posts;/../q/health",
            "GET /posts/;x=1/../../q/health",
            "GET /posts;jsessionid=1",
            "GET /posts/%3b/../../q/health",
            "GET /posts/%252e%252e/q/health",
            "GET /posts/%252e%252e%252fq%252fhealth",
            "GET /posts/%25%32%65%25%32%65/q/health",
            "GET /users/../internal/accounts/1/access-token",
            "POST /internal/accounts/1/access-token",
            "POST /posts/../internal/accounts/1/access-token",
            "GET /api/v1/tiktok/accounts/%2e%2e/%2e%2e/%2e%2e/%2e%2e/internal/accounts/1/access-token",
            "POST /users/../oauth/token",
            "POST /auth/%2e%2e/oauth/token",
            "POST /oauth/token",
            "POST /oauth%2ftoken",
            "POST /%6fauth/token",
            "GET /q/../internal/accounts/1/access-token",
            "GET /media/%2e%2e/%2e%2e/q/metrics",
    })
    void aPathOutsideTheTableIsAnsweredByTheGatewayAndNeverForwarded(String request) {
        assertRefused(request, 404);
    }

    /** Targets that cannot be read as a path (bad escapes, control characters, invalid UTF-8): 400. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /posts/%00/../../q/health",
            "GET /posts/%0d%0aX-Injected:%20yes",
            "GET /posts/..%c0%af../q/health",
            "GET /posts/%ff",
    })
    void anUnreadablePathIsABadRequestAndNeverForwarded(String request) {
        assertRefused(request, 400);
    }

    /**
     * Targets Netty's HTTP decoder refuses before any gateway code runs (raw backslashes, malformed escapes): an
     * empty 400 and a closed connection, because Vert.x hands such a request to its invalid-request handler, which
     * Quarkus does not let an application replace. What matters here: they never reach a service.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /posts/..\\q\\health",
            "GET /posts\\..\\q\\health",
            "GET /posts/%zz",
            "GET /posts/%2",
            "GET /posts/%",
            "GET /posts/%u002e%u002e/q/health",
    })
    void aTargetTheHttpCodecRefusesNeverReachesAService(String request) {
        int seenBefore = FakeServices.SEEN.size();

        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), request
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(FakeServices.SEEN.subList(seenBefore, FakeServices.SEEN.size())).isEmpty();
    }

    /** Non-canonical spellings of a routed path reach its service as the canonical path, query untouched. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/posts/./42                      | post-service   | /posts/42",
            "/posts/x/../42                   | post-service   | /posts/42",
            "/posts/%34%32                    | post-service   | /posts/42",
            "/posts//42                       | post-service   | /posts/42",
            "/users/../users/me               | auth-service   | /users/me",
            "/posts/./?status=scheduled       | post-service   | /posts/?status=scheduled",
            "/posts/42?next=/../q/health      | post-service   | /posts/42?next=/../q/health",
            "/posts/caf%c3%a9                 | post-service   | /posts/caf%C3%A9",
            "/api/v1/tiktok/accounts/%7e1     | tiktok-service | /api/v1/tiktok/accounts/~1",
    })
    void aRoutedPathIsForwardedInItsNormalForm(String target, String service, String forwarded) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), target);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(FakeServices.SEEN).contains(service + " " + forwarded);
    }

    private void assertRefused(String request, int status) {
        String method = request.substring(0, request.indexOf(' '));
        String target = request.substring(request.indexOf(' ') + 1);
        int seenBefore = FakeServices.SEEN.size();

        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), method + " " + target
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        JsonNode problem = Problems.assertProblem(answer, status);
        if (status == 404) {
            assertThat(problem.path("code").asText()).isEqualTo("no_route");
        }
        assertThat(FakeServices.SEEN.subList(seenBefore, FakeServices.SEEN.size()))
                .as("what the services received").isEmpty();
    }
}
