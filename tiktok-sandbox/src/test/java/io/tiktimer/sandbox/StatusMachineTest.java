package io.tiktimer.sandbox;

import static io.tiktimer.sandbox.DemoAccounts.PRIVATE_CREATOR_OPEN_ID;
import static io.tiktimer.sandbox.DemoAccounts.PUBLIC_CREATOR_OPEN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusMachineTest {
    private static TikTokSandbox sandbox;
    private static SandboxClient client;
    private String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxClient.startFast(SandboxConfig.defaults());
        client = new SandboxClient(sandbox);
        sandbox.app(SandboxClient.CLIENT_KEY).orElseThrow().verifiedDomain("media.example.com");
        sandbox.clock().freeze();
    }

    @BeforeEach
    void connect() {
        sandbox.clock().advance(Duration.ofMinutes(1));
        token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private JsonNode status(String publishId) {
        SandboxClient.Reply reply = client.status(token, publishId);
        assertThat(reply.errorCode()).isEqualTo("ok");
        return reply.data();
    }

    private String uploadedPost(String privacy, byte[] video) {
        JsonNode init = client.fileInit(token, privacy, video.length, video.length, 1).data();
        assertThat(client.put(init.get("upload_url").asText(), 0, video.length - 1, video.length, video).status()).isEqualTo(201);
        return init.get("publish_id").asText();
    }

    @Test
    void directFileUploadGoesLiveAndGetsAPostIdAfterModeration() {
        JsonNode init = client.fileInit(token, "PUBLIC_TO_EVERYONE", 1_000, 1_000, 1).data();
        String publishId = init.get("publish_id").asText();
        JsonNode before = status(publishId);
        assertThat(before.get("status").asText()).isEqualTo("PROCESSING_UPLOAD");
        assertThat(before.get("uploaded_bytes").asLong()).isZero();
        assertThat(before.get("publicaly_available_post_id").isArray()).isTrue();
        assertThat(before.get("publicaly_available_post_id")).isEmpty();

        client.put(init.get("upload_url").asText(), 0, 999, 1_000, SandboxClient.mp4(1_000));
        assertThat(status(publishId).get("status").asText()).as("processing takes time").isEqualTo("PROCESSING_UPLOAD");
        assertThat(status(publishId).get("uploaded_bytes").asLong()).isEqualTo(1_000);

        sandbox.clock().advance(Duration.ofMillis(250));
        JsonNode complete = status(publishId);
        assertThat(complete.get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(complete.get("publicaly_available_post_id")).as("moderation pending").isEmpty();
        assertThat(complete.has("fail_reason")).isFalse();

        sandbox.clock().advance(Duration.ofMillis(300));
        JsonNode moderated = status(publishId);
        assertThat(moderated.get("publicaly_available_post_id")).hasSize(1);
        JsonNode postId = moderated.get("publicaly_available_post_id").get(0);
        assertThat(postId.isIntegralNumber()).isTrue();
        assertThat(postId.asText()).matches("7\\d{18}");
    }

    @Test
    void privatePostsNeverGetAPublicPostId() {
        String publishId = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        sandbox.clock().advance(Duration.ofHours(1));
        assertThat(status(publishId).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(status(publishId).get("publicaly_available_post_id")).isEmpty();
    }

    @Test
    void garbageBytesFailTheContainerCheckAfterAnAcceptedUpload() {
        byte[] garbage = "definitely not a video, just some text padded out".repeat(30).getBytes();
        String publishId = uploadedPost("SELF_ONLY", garbage);
        sandbox.clock().advance(Duration.ofSeconds(1));
        JsonNode failed = status(publishId);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("fail_reason").asText()).isEqualTo("file_format_check_failed");

        byte[] webm = SandboxClient.mp4(1_000);
        webm[0] = 0x1A;
        webm[1] = 0x45;
        webm[2] = (byte) 0xDF;
        webm[3] = (byte) 0xA3;
        String webmId = uploadedPost("SELF_ONLY", webm);
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(status(webmId).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
    }

    @Test
    void probeOutcomesDecideTheMediaChecks() {
        sandbox.faults().nextProbeOutcomes(ProbeOutcome.fail("frame_rate_check_failed"), ProbeOutcome.media(301, 30, 1080, 1920));
        String fps = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        String tooLong = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        String fine = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(status(fps).get("fail_reason").asText()).isEqualTo("frame_rate_check_failed");
        assertThat(status(tooLong).get("fail_reason").asText()).as("creator max is 300 s").isEqualTo("duration_check_failed");
        assertThat(status(fine).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");

        SandboxCreator creator = sandbox.creator(PUBLIC_CREATOR_OPEN_ID).orElseThrow();
        try {
            creator.probeOutcome(ProbeOutcome.media(60, 30, 200, 200));
            String small = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
            sandbox.clock().advance(Duration.ofSeconds(1));
            assertThat(status(small).get("fail_reason").asText()).isEqualTo("picture_size_check_failed");
        } finally {
            creator.probeOutcome(null);
        }
    }

    @Test
    void inboxUploadsWaitForTheCreator() {
        JsonNode init = client.inboxInit(token, 1_000).data();
        String publishId = init.get("publish_id").asText();
        client.put(init.get("upload_url").asText(), 0, 999, 1_000, SandboxClient.mp4(1_000));
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(status(publishId).get("status").asText()).isEqualTo("SEND_TO_USER_INBOX");
        sandbox.clock().advance(Duration.ofDays(2));
        token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        assertThat(status(publishId).get("status").asText()).as("drafts can stay pending forever").isEqualTo("SEND_TO_USER_INBOX");
        assertThat(sandbox.userPostsDraft(publishId)).isTrue();
        assertThat(status(publishId).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
    }

    @Test
    void pullDownloadsCanBeCancelledOnlyWhileDownloading() {
        String publishId = pull();
        JsonNode downloading = status(publishId);
        assertThat(downloading.get("status").asText()).isEqualTo("PROCESSING_DOWNLOAD");
        assertThat(downloading.get("downloaded_bytes").asLong()).isZero();
        SandboxClient.Reply cancel = client.api(token, "/v2/post/publish/cancel/", Map.of("publish_id", publishId));
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().has("data")).isFalse();
        assertThat(cancel.errorCode()).isEqualTo("ok");
        assertThat(status(publishId).get("status").asText()).isEqualTo("FAILED");
        assertThat(status(publishId).get("fail_reason").asText()).isEqualTo("publish_cancelled");

        String done = pull();
        sandbox.clock().advance(Duration.ofSeconds(2));
        assertThat(status(done).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(status(done).get("downloaded_bytes").asLong()).isPositive();
        SandboxClient.Reply late = client.api(token, "/v2/post/publish/cancel/", Map.of("publish_id", done));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.errorCode()).isEqualTo("publish_not_cancellable");
    }

    @Test
    void pullFailuresAreReportedAsync() {
        sandbox.faults().nextProbeOutcomes(ProbeOutcome.fail("video_pull_failed"));
        String publishId = pull();
        sandbox.clock().advance(Duration.ofSeconds(2));
        assertThat(status(publishId).get("fail_reason").asText()).isEqualTo("video_pull_failed");
    }

    private String pull() {
        sandbox.clock().advance(Duration.ofSeconds(11));
        return client.api(token, "/v2/post/publish/video/init/", Map.of("post_info", Map.of("privacy_level", "SELF_ONLY"),
                "source_info", Map.of("source", "PULL_FROM_URL", "video_url", "https://media.example.com/a.mp4")))
                .data().get("publish_id").asText();
    }

    @Test
    void stuckAndLateFailingPostsCanBeInjected() {
        sandbox.faults().nextPublications(1, PublishFault.stuckInProcessing())
                .nextPublications(1, PublishFault.failAfterSuccess("internal", Duration.ofSeconds(5)));
        String stuck = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        String flaky = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(status(flaky).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
        sandbox.clock().advance(Duration.ofSeconds(5));
        assertThat(status(flaky).get("status").asText()).isEqualTo("FAILED");
        assertThat(status(flaky).get("fail_reason").asText()).isEqualTo("internal");
        sandbox.clock().advance(Duration.ofHours(3));
        assertThat(status(stuck).get("status").asText()).isEqualTo("PROCESSING_UPLOAD");
    }

    @Test
    void aSlowlyProcessedPostStaysInProcessingLongerAndThenCompletes() {
        sandbox.faults().nextPublications(1, PublishFault.slowProcessing(Duration.ofMinutes(2)));
        String slow = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        String usual = uploadedPost("SELF_ONLY", SandboxClient.mp4(1_000));
        sandbox.clock().advance(Duration.ofSeconds(61));
        assertThat(status(usual).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(status(slow).get("status").asText()).isEqualTo("PROCESSING_UPLOAD");
        sandbox.clock().advance(Duration.ofMinutes(2));
        assertThat(status(slow).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(sandbox.faults().fired()).containsEntry("publication SLOW_PROCESSING", 1L);
    }

    @Test
    void revokingMidFlightFailsWithAuthRemoved() {
        String publishId = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).data().get("publish_id").asText();
        client.revoke(token);
        assertThat(sandbox.publication(publishId).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(sandbox.publication(publishId).orElseThrow().failReason()).isEqualTo("auth_removed");
    }

    @Test
    void unknownAndForeignPublishIdsAreRefused() {
        SandboxClient.Reply unknown = client.status(token, "v_pub_file~v2-1.000");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("invalid_publish_id");

        String publishId = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).data().get("publish_id").asText();
        String otherToken = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        SandboxClient.Reply foreign = client.status(otherToken, publishId);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorCode()).isEqualTo("token_not_authorized_for_specified_publish_id");
    }
}
