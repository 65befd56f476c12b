package io.tiktimer.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.QuarkusAppProcess;
import io.tiktimer.devstack.RepositoryLayout;
import io.tiktimer.devstack.S3Server;
import io.tiktimer.devstack.testing.TestJwtIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service as its own process with a 128 MB heap, configured only by environment variables: a 300 MB
 * video uploads, is inspected and hashed, and lands whole in S3. Holding the file in memory would need more than
 * twice the heap, so the upload completing is the proof that memory stays flat.
 */
class LargeUploadIT {
    private static final String BUCKET = "tiktimer-media";
    private static final long SIZE = Long.getLong("post.it.video-bytes", 300_000_000L);

    static PostgresServer postgres;
    static KafkaBroker kafka;
    static S3Server s3;
    static TestJwtIssuer jwt;
    static QuarkusAppProcess app;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.startEphemeral();
        kafka = KafkaBroker.startEphemeral(1);
        s3 = S3Server.startEphemeral().createBucket(BUCKET);
        jwt = TestJwtIssuer.start();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", postgres.jdbcUrl());
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("JWT_JWKS_URL", jwt.jwksUrl());
        env.put("MEDIA_BUCKET", BUCKET);
        env.put("S3_ENDPOINT", s3.endpoint());
        env.put("S3_PATH_STYLE", "true");
        env.put("AWS_REGION", S3Server.REGION);
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        app = QuarkusAppProcess.start("post-service", RepositoryLayout.quarkusRunJar("post-service"), 0, env,
                List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
                        "-Xlog:gc:file=" + logs.resolve("large-upload-gc.log").toAbsolutePath()),
                logs.resolve("large-upload.log"), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[]{app, jwt, s3, kafka, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort at the end of the run
            }
        }
    }

    @Test
    void a300MbVideoUploadsThroughA128MbHeap() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = TestMedia.largeMp4(SIZE)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        String expected = HexFormat.of().formatHex(sha.digest());
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/media?filename=large.mp4"))
                .header("Authorization", "Bearer " + jwt.userToken(4242, "large"))
                .header("Content-Type", "video/mp4")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> TestMedia.largeMp4(SIZE)), SIZE))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body() + "\n" + app.logTail()).isEqualTo(201);
        JsonNode media = Fixtures.JSON.readTree(response.body());
        assertThat(media.get("size_bytes").asLong()).isEqualTo(SIZE);
        assertThat(media.get("sha256").asText()).isEqualTo(expected);
        assertThat(media.get("duration_seconds").asDouble()).isEqualTo(60.0);
        assertThat(app.isAlive()).isTrue();
    }
}
