package io.tiktimer.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the gateway produces, or passes on without a body, is problem+json. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ErrorAnswersTest {

    @TestHTTPResource("/")
    URL gateway;

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"*/*", "text/html", "application/json", "application/xml"})
    void theGatewaysOwn404IsAProblemWhateverTheClientAccepts(String accept) {
        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), "GET /nowhere HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: " + accept + "\r\nConnection: close\r\n\r\n");

        JsonNode problem = Problems.assertProblem(answer, 404);
        assertThat(problem.path("instance").asText()).isEqualTo("/nowhere");
        assertThat(problem.path("code").asText()).as("the gateway's own 404").isEqualTo("no_route");
    }

    @Test
    void anUnknownPathBelowAGatewayEndpointIsA404Problem() {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/health/nothing-here");

        assertThat(Problems.assertProblem(answer, 404).path("code").asText()).isEqualTo("no_route");
    }

    @Test
    void aWrongMethodOnAGatewayEndpointIsA405Problem() {
        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), "DELETE /health HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        Problems.assertProblem(answer, 405);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 404, 409, 429, 500, 503})
    void anEmptyErrorFromAServiceBecomesAProblemWithItsHeadersKept(int status) {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/posts/fake/empty/" + status);

        JsonNode problem = Problems.assertProblem(answer, status);
        assertThat(problem.path("instance").asText()).isEqualTo("/posts/fake/empty/" + status);
        assertThat(problem.has("code")).as("a service's answer is not the gateway's no_route").isFalse();
        assertThat(answer.header("retry-after")).isEqualTo("7");
        assertThat(answer.header("www-authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aServicesOwnProblemPassesUnchanged() {
        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/posts/fake/problem/422");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("detail").asText()).isEqualTo("the service's own words");
    }

    @Test
    void aServiceThatBreaksOffIsA502Problem() {
        Problems.assertProblem(RawHttp.get(gateway.getPort(), "/posts/fake/drop"), 502);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504ProblemWithinTheUpstreamTimeout() {
        long started = System.nanoTime();

        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/posts/fake/hang");

        Problems.assertProblem(answer, 504);
        // gateway.upstream.timeout is 2 s in the test profile; the fake would answer after 15 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aServiceThatIsDownIsA503ProblemWithRetryAfter() {
        FakeServices.down("tiktok-service");
        try {
            RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/api/v1/tiktok/accounts");

            JsonNode problem = Problems.assertProblem(answer, 503);
            assertThat(problem.path("detail").asText()).contains("tiktok-service");
            assertThat(answer.header("retry-after")).isEqualTo("5");
        } finally {
            FakeServices.up("tiktok-service");
        }
    }
}
