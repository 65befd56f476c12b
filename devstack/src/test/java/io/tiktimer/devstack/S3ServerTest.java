package io.tiktimer.devstack;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class S3ServerTest {

    @Test
    void putsAndGetsAnObjectWithTheAwsSdkAndLeavesNothingRunning() {
        S3Server server = S3Server.startEphemeral().createBucket("media");
        long pid = server.pid();
        int port = server.port();
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(S3Server.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            s3.putObject(b -> b.bucket("media").key("users/1/a.txt"), RequestBody.fromString("video bytes"));

            String read = s3.getObjectAsBytes(b -> b.bucket("media").key("users/1/a.txt"))
                    .asString(StandardCharsets.UTF_8);
            assertThat(read).isEqualTo("video bytes");
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("media");
        } finally {
            server.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Ports.isListening(port)).isFalse();
    }

    /** As on AWS: without credentials nobody lists a bucket, reads an object or learns which buckets exist. */
    @Test
    void refusesEveryRequestWithoutCredentials() throws Exception {
        S3Server server = S3Server.startEphemeral().createBucket("media");
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(S3Server.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            s3.putObject(b -> b.bucket("media").key("users/1/video.mp4"), RequestBody.fromString("private bytes"));
            HttpClient anonymous = HttpClient.newHttpClient();
            for (String path : new String[]{"/", "/media", "/media?list-type=2", "/media/users/1/video.mp4"}) {
                HttpResponse<String> answer = anonymous.send(
                        HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("anonymous GET " + path).isEqualTo(403);
                assertThat(answer.body()).doesNotContain("video.mp4").doesNotContain("private bytes");
            }
        } finally {
            server.close();
        }
    }

    @Test
    void answersTheBrowsersPreflightOnlyForTheWebAppsOrigin() throws Exception {
        S3Server server = S3Server.startEphemeral(java.util.List.of("http://localhost:8080")).createBucket("media");
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> allowed = client.send(preflight(server, "http://localhost:8080"), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8080");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");

            HttpResponse<String> foreign = client.send(preflight(server, "https://evil.example"), HttpResponse.BodyHandlers.ofString());
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS grant for another site")
                    .isEmpty();
        } finally {
            server.close();
        }
    }

    private static HttpRequest preflight(S3Server server, String origin) {
        return HttpRequest.newBuilder(URI.create(server.endpoint() + "/media/users/1/media/2"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build();
    }
}
