package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over the route's limit are answered 413 problem+json by the gateway: at once on Content-Length (before a
 * byte is read, so also for Expect: 100-continue), and on the streamed count for chunked bodies.
 */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class BodyLimitTest {

    private static final int SMALL_LIMIT = 64 * 1024;

    @TestHTTPResource("/")
    URL gateway;

    @ParameterizedTest(name = "{0} {1} with Content-Length {2}")
    @CsvSource({
            "POST, /auth/refresh, 10485760",
            "POST, /token, 1000000",
            "POST, /register, 65537",
            "PATCH, /posts/1, 10485760",
            "POST, /api/v1/auth/tiktok/exchange-token, 10485760",
            "POST, /media, 5000000000",
            "POST, /api/v1/tiktok/posts/, 5000000000",
            "POST, /health, 10485760",
    })
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent(String method, String path, long length) {
        int seenBefore = FakeServices.SEEN.size();
        long started = System.nanoTime();

        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), method + " " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n");

        Problems.assertProblem(answer, 413);
        assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(FakeServices.SEEN.subList(seenBefore, FakeServices.SEEN.size())).isEmpty();
    }

    @Test
    void expectContinueWithAMultiGigabyteLengthOnAJsonRouteIsAnsweredAtOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(("POST /auth/refresh HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000000000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            Problems.assertProblem(answer, 413);
        }
    }

    @Test
    void expectContinueWithinTheLimitGetsA100AndThenTheBodyGoesThrough() throws IOException {
        byte[] body = new byte[1000];
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /media HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 1000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(RawHttp.read(in).status()).isEqualTo(100);
            out.write(body);
            RawHttp.Answer answer = RawHttp.read(in);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("bytes").asLong()).isEqualTo(1000);
        }
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsCutOffWith413() throws IOException {
        byte[] chunk = new byte[8 * 1024];
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/refresh HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int sent = 0; sent <= SMALL_LIMIT + chunk.length; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException closedWhileSending) {
                // the gateway may hang up before the last chunk: that is the point
            }

            Problems.assertProblem(RawHttp.read(socket.getInputStream()), 413);
        }
        List<FakeServices.Received> received = FakeServices.RECEIVED.getOrDefault("auth-service", List.of());
        assertThat(received).noneMatch(r -> r.path().equals("/auth/refresh") && r.bodyBytes() > SMALL_LIMIT);
    }

    @Test
    void aJsonBodyWithinTheLimitGoesThrough() throws IOException {
        String json = "{\"refresh_token\":\"" + "a".repeat(SMALL_LIMIT - 100) + "\"}";
        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), "POST /auth/refresh HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + json.length() + "\r\n\r\n" + json);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("bytes").asLong()).isEqualTo(json.length());
    }
}
