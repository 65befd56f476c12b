package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class GatewayTest {

    @TestHTTPResource("/")
    URL gateway;

    @AfterEach
    void allServicesUpAgain() {
        FakeServices.READINESS.replaceAll((service, status) -> 200);
    }

    @Test
    void routesEachPublicPathToItsServiceWithQueryAndMethodIntact() {
        given().when().get("/posts/?status=scheduled").then().statusCode(200)
                .body("service", equalTo("post-service"));
        given().contentType("application/x-www-form-urlencoded").formParam("username", "a").formParam("password", "b")
                .when().post("/token").then().statusCode(200).body("service", equalTo("auth-service"));
        given().when().delete("/api/v1/auth/tiktok/disconnect").then().statusCode(200)
                .body("service", equalTo("tiktok-service"));

        assertThat(FakeServices.RECEIVED.get("post-service"))
                .anySatisfy(r -> assertThat(r.path()).isEqualTo("/posts/?status=scheduled"));
        assertThat(FakeServices.RECEIVED.get("tiktok-service"))
                .anySatisfy(r -> assertThat(r.method()).isEqualTo("DELETE"));
    }

    @Test
    void tellsTheServiceWhoTheClientIsAndIgnoresWhatTheClientClaims() {
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/users/me").then().statusCode(200);

        FakeServices.Received received = FakeServices.RECEIVED.get("auth-service").stream()
                .filter(r -> r.path().equals("/users/me")).reduce((a, b) -> b).orElseThrow();
        assertThat(received.headers().get("X-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(received.headers().get("X-forwarded-proto")).containsExactly("http");
    }

    @Test
    void serviceToServiceAndUnknownPathsAreNotReachable() {
        given().when().post("/internal/accounts/1/access-token").then().statusCode(404);
        given().when().post("/oauth/token").then().statusCode(404);
        given().when().get("/nowhere").then().statusCode(404);
        assertThat(FakeServices.RECEIVED.values().stream().flatMap(List::stream))
                .noneMatch(r -> r.path().startsWith("/internal") || r.path().startsWith("/oauth"));
    }

    @Test
    void streamsALargeUploadThroughWithoutChangingAByte() throws Exception {
        long size = 64L * 1024 * 1024 + 123;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gateway + "media"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size, digest)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        FakeServices.Received received = FakeServices.RECEIVED.get("post-service").stream()
                .filter(r -> r.path().equals("/media")).reduce((a, b) -> b).orElseThrow();
        assertThat(received.bodyBytes()).isEqualTo(size);
        assertThat(received.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void healthIsTheSeedBodyWhenEveryServiceIsReady() {
        given().when().get("/health").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("service", equalTo("tiktimer-api"))
                .body("database", equalTo("connected"))
                .body("services.'publisher-worker'", equalTo("UP"));
    }

    @Test
    void healthIs503NamingTheServiceThatIsDown() {
        FakeServices.READINESS.put("publisher-worker", 503);

        given().when().get("/health").then().statusCode(503)
                .body("detail.down", contains("publisher-worker"))
                .body("detail.services.'post-service'", equalTo("UP"));
    }

    @Test
    void healthShowsWhatTheLocalRunsSupervisorRestarted() {
        given().when().get("/health").then().statusCode(200)
                .body("processes.'post-service'.restarts", equalTo(2))
                .body("processes.'post-service'.last_exit_code", equalTo(137));

        FakeServices.READINESS.put("post-service", 503);
        given().when().get("/health").then().statusCode(503)
                .body("detail.processes.'post-service'.state", equalTo("running"));
    }

    @Test
    void healthSaysWhenTheSupervisorCannotBeReached() {
        FakeServices.down("supervisor");
        try {
            given().when().get("/health").then().statusCode(200)
                    .body("processes", equalTo("unreachable"))
                    .body("services.'post-service'", equalTo("UP"));
        } finally {
            FakeServices.up("supervisor");
        }
    }

    @Test
    void mergedOpenApiHasEveryServicesPublicPathsAndNoInternalOnes() {
        given().when().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/users/me"))
                .body("paths", hasKey("/posts/{id}"))
                .body("paths", hasKey("/api/v1/tiktok/accounts"))
                .body("paths", not(hasKey("/internal/accounts/{id}/access-token")))
                .body("components.schemas", hasKey("postserviceThing"));
    }

    @Test
    void keepsTheOriginalWelcome() {
        given().when().get("/").then().statusCode(200)
                .body("message", equalTo("Welcome to the Social Media Scheduler API"));
    }

    /** A deterministic byte stream of any length that hashes what it hands out, so nothing is held in memory. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position + i) * 31 % 251);
            }
            digest.update(buffer, offset, n);
            position += n;
            return n;
        }
    }
}
