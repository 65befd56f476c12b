package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops sending does not keep its connection: the production idle timeout closes it. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SlowClientTest {

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration idleTimeout;

    @Test
    void aConnectionStuckInTheMiddleOfItsHeadersIsClosedWithinTheIdleTimeout() throws Exception {
        assertThat(idleTimeout).as("quarkus.http.idle-timeout").isLessThanOrEqualTo(Duration.ofSeconds(30));
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.getOutputStream().write("GET /posts/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: a"
                    .getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();

            boolean closed = RawHttp.closedWithin(socket, idleTimeout.plusSeconds(5).toMillis());

            assertThat(closed).as("closed by the gateway").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(idleTimeout.plusSeconds(5));
        }
    }
}
