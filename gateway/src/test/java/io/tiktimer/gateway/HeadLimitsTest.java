package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** Request lines and headers over the gateway's limits are answered 414 and 431 as problem+json. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class HeadLimitsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aLongQueryStringIs414() {
        int seenBefore = FakeServices.SEEN.size();

        RawHttp.Answer answer = RawHttp.get(gateway.getPort(), "/posts/?status=" + "s".repeat(5_000));

        Problems.assertProblem(answer, 414);
        assertThat(FakeServices.SEEN.subList(seenBefore, FakeServices.SEEN.size())).isEmpty();
    }

    @Test
    void hugeHeadersAre431() {
        int seenBefore = FakeServices.SEEN.size();

        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), "GET /users/me HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Big-1: " + "h".repeat(10_000) + "\r\nX-Big-2: " + "h".repeat(10_000) + "\r\n"
                + "Connection: close\r\n\r\n");

        Problems.assertProblem(answer, 431);
        assertThat(FakeServices.SEEN.subList(seenBefore, FakeServices.SEEN.size())).isEmpty();
    }

    @Test
    void beyondTheCodecsHardLimitsTheAnswerIsStillARefusal() {
        assertThat(RawHttp.get(gateway.getPort(), "/posts/?q=" + "s".repeat(100_000)).status()).isEqualTo(414);
        assertThat(RawHttp.exchange(gateway.getPort(), "GET /users/me HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "h".repeat(100_000) + "\r\nConnection: close\r\n\r\n").status()).isEqualTo(431);
    }
}
