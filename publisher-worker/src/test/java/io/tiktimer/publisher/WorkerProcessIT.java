package io.tiktimer.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.QuarkusAppProcess;
import io.tiktimer.devstack.RepositoryLayout;
import io.tiktimer.devstack.S3Server;
import io.tiktimer.devstack.testing.TestJwtIssuer;
import io.tiktimer.publisher.testing.Kafka;
import io.tiktimer.publisher.testing.Posts;
import io.tiktimer.publisher.testing.TikTokServiceProcess;
import io.tiktimer.publisher.testing.Videos;
import io.tiktimer.sandbox.DemoAccounts;
import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxConfig;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged worker as its own process, configured only by environment variables, with a 64 MB heap, next to the
 * packaged tiktok-service (its token source, accounts connected through its OAuth flow): large videos stream through
 * it, killing it (SIGKILL) before init, while the init answer is on its way, mid-upload or while polling ends every
 * post published exactly once or honestly unconfirmed, a token that expires at TikTok mid-flight is refreshed through
 * tiktok-service, and TikTok can pull videos from the public media address instead.
 */
class WorkerProcessIT {
    private static final String BUCKET = "tiktimer-media";
    private static final long LARGE_VIDEO = Long.getLong("publisher.it.video-bytes", 300_000_000L);
    private static final String MEDIA_BASE_URL = "https://media.tiktimer.test/";

    static PostgresServer postgres;
    static KafkaBroker kafkaBroker;
    static S3Server s3Server;
    static TestJwtIssuer jwt;
    static TikTokSandbox sandbox;
    static TikTokServiceProcess tiktokService;
    static S3Client s3;
    static Kafka kafka;
    static Path logs;
    QuarkusAppProcess worker;
    Path gcLog;

    @BeforeAll
    static void infrastructure() throws Exception {
        postgres = PostgresServer.startEphemeral();
        kafkaBroker = startKafka();
        s3Server = S3Server.startEphemeral().createBucket(BUCKET);
        jwt = TestJwtIssuer.start();
        sandbox = TikTokSandbox.start(SandboxConfig.defaults().processingDelay(Duration.ofSeconds(5)));
        sandbox.registerApp(DemoAccounts.app(TikTokSandboxResource.CLIENT_KEY, TikTokSandboxResource.CLIENT_SECRET,
                List.of(TikTokSandboxResource.DEFAULT_REDIRECT_URI)));
        logs = Files.createDirectories(Path.of("target", "it-logs"));
        tiktokService = TikTokServiceProcess.start(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD,
                kafkaBroker.bootstrapServers(), jwt, sandbox, logs.resolve("tiktok-service.log"));
        s3 = S3Client.builder().endpointOverride(URI.create(s3Server.endpoint())).forcePathStyle(true)
                .region(Region.of(S3Server.REGION)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))).build();
        kafka = new Kafka(kafkaBroker.bootstrapServers());
    }

    /**
     * devstack's KafkaBroker picks a random cluster id that starts with '-' about once in 64 runs, which kafka-storage
     * takes for an option; a fresh id on a second try works around it (reported upstream).
     */
    private static KafkaBroker startKafka() {
        IllegalStateException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                return KafkaBroker.startEphemeral(2);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    @AfterAll
    static void stopInfrastructure() {
        for (AutoCloseable c : new AutoCloseable[]{kafka, tiktokService, sandbox, jwt, s3Server, kafkaBroker, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort at the end of the run
            }
        }
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
        sandbox.faults().clear();
    }

    private QuarkusAppProcess startWorker(String name) {
        return startWorker(name, Map.of());
    }

    private QuarkusAppProcess startWorker(String name, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", postgres.jdbcUrl());
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBroker.bootstrapServers());
        env.put("JWT_JWKS_URL", jwt.jwksUrl());
        env.put("AUTH_URL", jwt.baseUrl());
        env.put("SERVICE_CLIENT_SECRET", TestJwtIssuer.CLIENT_SECRET);
        env.put("TIKTOK_SERVICE_URL", tiktokService.baseUrl());
        env.put("TIKTOK_API_BASE_URL", sandbox.apiBaseUrl());
        env.put("S3_ENDPOINT", s3Server.endpoint());
        env.put("S3_PATH_STYLE", "true");
        env.put("AWS_REGION", S3Server.REGION);
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        env.put("PUBLISHER_LEASE_DURATION", "3s");
        env.put("PUBLISHER_STATUS_FIRST_POLL", "1s");
        env.putAll(settings);
        gcLog = logs.resolve(name + "-gc.log");
        // A SIGKILLed worker stays a member of the consumer group until its Kafka session times out (45 s by
        // default), and the next worker gets its partitions only then. The broker's minimum (6 s) keeps these tests
        // quick; attempts already recorded resume from PostgreSQL regardless of Kafka.
        List<String> jvm = List.of("-Xmx64m", "-Xlog:gc:file=" + gcLog.toAbsolutePath(),
                "-Dmp.messaging.incoming.post-due.session.timeout.ms=6000",
                "-Dmp.messaging.incoming.post-due.heartbeat.interval.ms=2000");
        return QuarkusAppProcess.start("publisher-worker", RepositoryLayout.quarkusRunJar("publisher-worker"), 0, env,
                jvm, logs.resolve(name + ".log"), Duration.ofSeconds(120));
    }

    private static Optional<Kafka.Received> event(long postId, String type) {
        return kafka.forPost(postId).stream().filter(r -> r.type().equals(type)).findFirst();
    }

    private static Kafka.Received awaitEvent(long postId, String type, Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> event(postId, type), Optional::isPresent).orElseThrow();
    }

    private void kill() {
        ProcessHandle.of(worker.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !worker.isAlive());
        worker = null;
    }

    @Test
    void aLargeVideoPublishesThroughASixtyFourMegabyteHeap() throws Exception {
        worker = startWorker("large");
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-large", 51, false);
        String key = "videos/it-large";
        String sha = Videos.put(s3, BUCKET, key, LARGE_VIDEO, 7);
        PostDue due = Posts.video(account, BUCKET, key, LARGE_VIDEO, PostMode.DIRECT_POST, "SELF_ONLY");
        long started = System.nanoTime();
        kafka.send(due);

        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofMinutes(10));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        ReceivedUpload upload = sandbox.receivedUpload(published.value().path("publishId").asText()).orElseThrow();
        assertThat(upload.sha256Hex()).isEqualTo(sha);
        assertThat(upload.byteCount()).isEqualTo(LARGE_VIDEO);
        assertThat(worker.isAlive()).isTrue();
        long[] heap = heapFigures(gcLog);
        System.out.printf("[publisher-worker memory] video %,d bytes in %d chunks, %d s, -Xmx64m: peak heap before GC "
                + "%d MB, peak live heap after GC %d MB, heap capacity %d MB%n", LARGE_VIDEO, upload.chunkCount(), seconds,
                heap[0], heap[1], heap[2]);
        assertThat(heap[1]).as("live heap after GC stays far below the video and chunk size").isLessThan(48);
    }

    /** {peak used before a GC, peak used after a GC, peak committed} in MB, from the unified GC log. */
    private static long[] heapFigures(Path gcLog) throws Exception {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(Files.readString(gcLog));
        long[] peak = new long[3];
        while (m.find()) {
            for (int i = 0; i < 3; i++) {
                peak[i] = Math.max(peak[i], Long.parseLong(m.group(i + 1)));
            }
        }
        return peak;
    }

    @Test
    void killedMidUploadItResumesFromTikToksProgressWithoutASecondInit() {
        worker = startWorker("kill-upload");
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-upload", 52, false);
        long size = 120_000_000L;
        String key = "videos/it-upload";
        String sha = Videos.put(s3, BUCKET, key, size, 8);
        PostDue due = Posts.video(account, BUCKET, key, size, PostMode.DIRECT_POST, "SELF_ONLY");
        // TikTok commits the first chunk but holds its answer back, so the worker is mid-upload when it is killed
        // however fast the machine is (polling for progress and then killing once lost the race on a loaded machine:
        // the whole upload finished in between)
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 1, Fault.slowResponse(Duration.ofMinutes(3)));
        kafka.send(due);
        String publishId = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(60)).value()
                .path("publishId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.committedBytes(publishId) >= size / 12);
        kill();
        assertThat(sandbox.receivedUpload(publishId)).as("killed before the upload finished").isEmpty();

        worker = startWorker("kill-upload-restarted");
        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(120));
        ReceivedUpload upload = sandbox.receivedUpload(publishId).orElseThrow();
        assertThat(upload.sha256Hex()).isEqualTo(sha);
        assertThat(upload.chunkCount()).isEqualTo(12);
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
    }

    @Test
    void killedWhileTheInitAnswerIsOnItsWayThePostIsReportedUnconfirmedNeverReInitialised() {
        worker = startWorker("kill-init");
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-init", 53, false);
        Videos.put(s3, BUCKET, "videos/it-init", 1_000_000, 9);
        PostDue due = Posts.video(account, BUCKET, "videos/it-init", 1_000_000, PostMode.DIRECT_POST, "SELF_ONLY");
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.slowResponse(Duration.ofSeconds(20)));
        kafka.send(due);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.acceptedInitCount(account.openId()) == 1);
        kill();

        worker = startWorker("kill-init-restarted");
        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("init_outcome_unknown");
        assertThat(failed.value().path("outcomeUnknown").asBoolean()).isTrue();
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
        assertThat(event(due.postId(), "post.publishing")).isEmpty();
    }

    @Test
    void killedWhilePollingTheStatusItPicksUpPollingAndPublishesOnce() {
        worker = startWorker("kill-poll");
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-poll", 54, false);
        Videos.put(s3, BUCKET, "videos/it-poll", 2_000_000, 10);
        PostDue due = Posts.video(account, BUCKET, "videos/it-poll", 2_000_000, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka.send(due);
        String publishId = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(60)).value()
                .path("publishId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.receivedUpload(publishId).isPresent());
        kill();
        assertThat(event(due.postId(), "post.published")).as("still processing (5 s) when killed").isEmpty();

        worker = startWorker("kill-poll-restarted");
        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(published.value().path("publishId").asText()).isEqualTo(publishId);
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
        assertThat(sandbox.receivedUploads().stream().filter(u -> u.openId().equals(account.openId()))).hasSize(1);
    }

    /**
     * Killed after post.due was consumed and the attempt recorded, while creator_info (before init) was still out:
     * nothing reached init, so the restarted worker resumes the attempt and TikTok sees exactly one init.
     */
    @Test
    void killedAfterRecordingTheAttemptButBeforeInitItPublishesExactlyOnceAfterTheRestart() throws Exception {
        worker = startWorker("kill-before-init");
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-before-init", 55, false);
        Videos.put(s3, BUCKET, "videos/it-before-init", 2_000_000, 11);
        PostDue due = Posts.video(account, BUCKET, "videos/it-before-init", 2_000_000, PostMode.DIRECT_POST,
                "SELF_ONLY");
        // TikTok takes 20 s to answer creator_info, the last step before init: the worker is caught in between
        sandbox.faults().failNext(SandboxEndpoint.CREATOR_INFO, 1, Fault.slowResponse(Duration.ofSeconds(20)));
        kafka.send(due);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.faults().pending().isEmpty());
        kill();
        assertThat(attemptState(due.postId())).as("recorded before the kill, nothing sent").isEqualTo("RECEIVED");
        assertThat(sandbox.initCallCount(account.openId())).isZero();

        worker = startWorker("kill-before-init-restarted");
        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(published.value().path("outcome").asText()).isEqualTo("PUBLISHED");
        assertThat(initCallsByOpenId().path(account.openId()).asLong()).as("sandbox init_calls_by_open_id").isEqualTo(1);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
        assertThat(kafka.forPost(due.postId())).filteredOn(r -> r.type().equals("post.publishing"))
                .extracting(r -> r.value().path("publishId").asText()).containsOnly(published.value().path("publishId")
                        .asText());
        assertThat(event(due.postId(), "post.failed")).isEmpty();
    }

    /**
     * The creator's access token runs out at TikTok (the sandbox clock passes its 24 h) while the post is processing.
     * TikTok refuses the next status poll, the worker asks tiktok-service for a forced refresh, tiktok-service
     * refreshes against TikTok with the stored refresh token, and polling goes on with the new token: published once.
     */
    @Test
    void aTokenThatExpiresAtTikTokWhileThePostIsProcessingIsRefreshedThroughTikTokServiceAndThePostPublishesOnce() {
        worker = startWorker("token-expiry");
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-expiry", 56, false);
        String tokenBefore = tiktokService.currentAccessToken(account);
        Videos.put(s3, BUCKET, "videos/it-expiry", 2_000_000, 12);
        PostDue due = Posts.video(account, BUCKET, "videos/it-expiry", 2_000_000, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka.send(due);
        String publishId = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(60)).value()
                .path("publishId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.receivedUpload(publishId).isPresent());
        assertThat(event(due.postId(), "post.published")).as("TikTok processes for 5 s").isEmpty();
        sandbox.clock().advance(Duration.ofHours(24).plusMinutes(1));

        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(published.value().path("publishId").asText()).isEqualTo(publishId);
        assertThat(event(due.postId(), "post.failed")).isEmpty();
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
        assertThat(sandbox.initCallCountForToken(tokenBefore)).isEqualTo(1);
        assertThat(tiktokService.currentAccessToken(account)).as("tiktok-service holds the refreshed token")
                .isNotEqualTo(tokenBefore);
        assertThat(tiktokService.account(account).path("status").asText()).isEqualTo("connected");
    }

    /**
     * With {@code PUBLISHER_MEDIA_PULL_VIDEOS} and a verified {@code MEDIA_PUBLIC_BASE_URL}, TikTok pulls the video
     * itself (PULL_FROM_URL): one init, no bytes uploaded by the worker, published after TikTok's download.
     */
    @Test
    void withPullFromUrlTikTokFetchesTheVideoFromTheVerifiedMediaAddressAndPublishesIt() {
        sandbox.app(TikTokSandboxResource.CLIENT_KEY).orElseThrow().verifiedUrlPrefix(MEDIA_BASE_URL);
        worker = startWorker("pull", Map.of("MEDIA_PUBLIC_BASE_URL", MEDIA_BASE_URL,
                "PUBLISHER_MEDIA_PULL_VIDEOS", "true"));
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("it-pull", 57, false);
        Videos.put(s3, BUCKET, "videos/it-pull", 3_000_000, 13);
        PostDue due = Posts.video(account, BUCKET, "videos/it-pull", 3_000_000, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka.send(due);

        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        String publishId = published.value().path("publishId").asText();
        assertThat(publishId).startsWith("v_pub_url");
        PublicationSnapshot video = sandbox.publication(publishId).orElseThrow();
        assertThat(video.source()).isEqualTo("PULL_FROM_URL");
        assertThat(video.status()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
        assertThat(sandbox.receivedUploads()).noneMatch(u -> u.openId().equals(account.openId()));
    }

    private static String attemptState(long postId) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery(
                     "select state from publisher.publish_attempt where post_id = " + postId)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** {@code init_calls_by_open_id} from the sandbox's admin state, as an operator would read it with curl. */
    private static JsonNode initCallsByOpenId() throws Exception {
        HttpResponse<String> state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.apiBaseUrl() + "/sandbox/admin/state")).build(), HttpResponse.BodyHandlers.ofString());
        return Kafka.JSON.readTree(state.body()).path("init_calls_by_open_id");
    }
}
