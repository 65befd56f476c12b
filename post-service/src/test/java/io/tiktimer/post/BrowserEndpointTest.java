package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker compose: post-service reaches S3 as {@code s3:9000}, the browser as {@code localhost:9000}. The presigned
 * addresses the web app gets must name the browser's host and be valid for it: S3 checks the signature against the
 * Host header the browser sends. Here the service talks to 127.0.0.1 and the "browser" sends {@code Host:
 * media.tiktimer.test}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
@QuarkusTestResource(value = BrowserEndpointTest.BrowserEndpoint.class, restrictToAnnotatedClass = true)
class BrowserEndpointTest {

    static final String BROWSER_HOST = "media.tiktimer.test";

    public static class BrowserEndpoint implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("post.media.browser-endpoint", "http://" + BROWSER_HOST + ":" + S3Resource.port());
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void presignedAddressesNameTheBrowsersHostAndAreValidForIt() throws Exception {
        long user = Fixtures.newId();
        byte[] video = TestMedia.mp4(12, 1080, 1920, 30);
        var start = given().auth().oauth2(Fixtures.token(user)).contentType("application/json").body("{\"filename\":\"a.mp4\"}")
                .when().post("/media/uploads").then().statusCode(201).extract().jsonPath();
        URI upload = URI.create(start.getString("upload_url"));
        assertThat(upload.getHost()).isEqualTo(BROWSER_HOST);
        assertThat(send("PUT", upload, "application/octet-stream", video)).startsWith("HTTP/1.1 200");
        long id = start.getLong("media_id");
        given().auth().oauth2(Fixtures.token(user)).when().post("/media/" + id + "/complete").then().statusCode(200);

        URI preview = URI.create(given().auth().oauth2(Fixtures.token(user)).when().get("/media/" + id + "/preview")
                .then().statusCode(200).extract().<String>path("url"));
        assertThat(preview.getHost()).isEqualTo(BROWSER_HOST);
        String answer = send("GET", preview, null, null);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("Content-Length: " + video.length);
    }

    /** One HTTP/1.1 request to the S3 server on loopback, naming the browser's host (no resolver knows that name). */
    private static String send(String method, URI uri, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\nConnection: close\r\n");
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            // the status line and headers are all this needs; the body (the video, on GET) is not read
            byte[] start = in.readNBytes(1024);
            return new String(start, StandardCharsets.ISO_8859_1);
        }
    }
}
