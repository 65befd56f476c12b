package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that opens a connection, sends part of a request head and then nothing more is disconnected once the idle
 * timeout has passed, instead of holding the connection for Quarkus' default 30 minutes. The profile sets
 * HTTP_IDLE_TIMEOUT (75 s by default) as a deployment would, shorter so the test takes seconds.
 */
@QuarkusTest
@TestProfile(ConnectionTimeoutTest.ShortIdleTimeout.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class ConnectionTimeoutTest {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the service's own setting, as a deployment sets it
            return Map.of("HTTP_IDLE_TIMEOUT", IDLE_TIMEOUT.toSeconds() + "S");
        }
    }

    @Test
    void aHalfSentRequestHeadIsDisconnectedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = RawHttp.connect("127.0.0.1")) {
            // the bound we assert, with room for a loaded CI machine; far below the 30 min this used to be
            socket.setSoTimeout((int) IDLE_TIMEOUT.plusSeconds(8).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("POST /token HTTP/1.1\r\nHost: localhost\r\nX-Slow".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("connection still open after " + socket.getSoTimeout() + " ms", e);
            } catch (java.net.SocketException reset) {
                read = -1; // closed with a reset: closed all the same
            }
            Duration open = Duration.ofNanos(System.nanoTime() - start);
            assertThat(read).as("server closed the connection without an answer").isEqualTo(-1);
            assertThat(open).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(500));
        }
    }
}
