package io.tiktimer.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.contracts.Topics;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.PrometheusText;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.publisher.testing.Kafka;
import io.tiktimer.publisher.testing.PublicMediaResource;
import io.tiktimer.publisher.testing.Posts;
import io.tiktimer.publisher.testing.TestSupport;
import io.tiktimer.publisher.testing.TikTokServiceProcess;
import io.tiktimer.publisher.testing.TikTokServiceResource;
import io.tiktimer.publisher.testing.Videos;
import io.tiktimer.sandbox.InitCall;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiktimer.publisher.testing.TestSupport.BUCKET;
import static io.tiktimer.publisher.testing.TestSupport.awaitEvent;
import static io.tiktimer.publisher.testing.TestSupport.events;
import static io.tiktimer.publisher.testing.TestSupport.first;
import static io.tiktimer.publisher.testing.TestSupport.kafka;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy paths end to end: post.due in Kafka → a token from the real tiktok-service (accounts connected through its
 * OAuth flow) → real S3 → the TikTok sandbox → outcome events in Kafka.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = BUCKET))
@QuarkusTestResource(TikTokSandboxResource.class)
@QuarkusTestResource(TikTokServiceResource.class)
@QuarkusTestResource(PublicMediaResource.class)
class PublishFlowTest {

    @Inject
    S3Client s3;

    final TikTokSandbox sandbox = TikTokSandboxResource.sandbox();
    final TikTokServiceProcess tiktokService = TikTokServiceResource.tiktokService();

    @Test
    void aSmallVideoIsPublishedInOneChunkWithItsPublicIdAndUrl() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("small", 71, false);
        long size = 3_000_000;
        String sha = Videos.put(s3, BUCKET, "videos/small-" + account.accountId(), size, 3);
        PostDue due = Posts.video(account, BUCKET, "videos/small-" + account.accountId(), size, PostMode.DIRECT_POST,
                "PUBLIC_TO_EVERYONE");
        double publishedBefore = metric(PUBLISHED);
        double initsBefore = metric(OK_VIDEO_INITS);
        kafka().send(due);

        Kafka.Received publishing = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(30));
        String publishId = publishing.value().path("publishId").asText();
        assertThat(publishing.topic()).isEqualTo(Topics.POST_PUBLISHING);
        assertThat(publishing.key()).isEqualTo(Long.toString(due.postId()));

        // the public id arrives after moderation: either in the first post.published or in a later one
        TestSupport.await(Duration.ofSeconds(60)).until(() -> events(due.postId(), "post.published").stream()
                .anyMatch(e -> !e.value().path("publicPostId").isNull()));
        Kafka.Received published = events(due.postId(), "post.published").stream()
                .filter(e -> !e.value().path("publicPostId").isNull()).findFirst().orElseThrow();
        assertThat(published.value().path("outcome").asText()).isEqualTo("PUBLISHED");
        assertThat(published.value().path("publishId").asText()).isEqualTo(publishId);
        String postId = published.value().path("publicPostId").asText();
        assertThat(postId).matches("\\d{19}");
        assertThat(published.value().path("shareUrl").asText()).endsWith("/video/" + postId).contains("/@small");

        ReceivedUpload upload = sandbox.receivedUpload(publishId).orElseThrow();
        assertThat(upload.sha256Hex()).isEqualTo(sha);
        assertThat(upload.byteCount()).isEqualTo(size);
        assertThat(upload.chunkCount()).isEqualTo(1);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
        assertThat(metric(PUBLISHED)).as("one attempt counted published").isEqualTo(publishedBefore + 1);
        assertThat(metric(OK_VIDEO_INITS)).as("one timed init").isEqualTo(initsBefore + 1);
    }

    @Test
    void theTraceThatCameWithPostDueContinuesThroughTheAttemptIntoItsOutcomeEvents() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("traced", 74, false);
        String key = "videos/traced-" + account.accountId();
        Videos.put(s3, BUCKET, key, 2_000_000, 2);
        PostDue due = Posts.video(account, BUCKET, key, 2_000_000, PostMode.DIRECT_POST, "SELF_ONLY");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String sent = "00-" + traceId + "-00f067aa0ba902b7-01";
        kafka().send(due, sent);

        Kafka.Received publishing = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(30));
        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        for (Kafka.Received event : List.of(publishing, published)) {
            assertThat(event.traceparent()).as(event.type() + " continues the post's trace")
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .as("in a span of its own, not the sender's").isNotEqualTo(sent);
        }
    }

    private static final String PUBLISHED = "tiktimer_publish_attempts_total{code=\"none\",outcome=\"published\"}";
    private static final String OK_VIDEO_INITS = "tiktimer_tiktok_calls_seconds_count{operation=\"video_init\",outcome=\"ok\"}";
    private static final String PRIVACY_REFUSED =
            "tiktimer_publish_attempts_total{code=\"privacy_level_not_offered\",outcome=\"failed\"}";

    private static double metric(String series) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), series);
    }

    @Test
    void a150MbVideoArrivesByteExactOnceInValidChunks() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("large", 72, false);
        long size = 150_000_000L + 12_345;
        String key = "videos/large-" + account.accountId();
        String sha = Videos.put(s3, BUCKET, key, size, 150);
        PostDue due = Posts.video(account, BUCKET, key, size, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka().send(due);

        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(120));
        String publishId = published.value().path("publishId").asText();
        ReceivedUpload upload = sandbox.receivedUpload(publishId).orElseThrow();
        assertThat(upload.sha256Hex()).isEqualTo(sha);
        assertThat(upload.byteCount()).isEqualTo(size);
        assertThat(upload.chunkCount()).as("floor(150,012,345 / 10,000,000), remainder merged").isEqualTo(15);
        assertThat(sandbox.receivedUploads().stream().filter(u -> u.openId().equals(account.openId()))).hasSize(1);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
        assertThat(published.value().path("publicPostId").isNull()).as("SELF_ONLY posts never get a public id").isTrue();
    }

    @Test
    void anInboxPostIsFollowedUntilTikTokHasTheDraftInTheCreatorsInboxAndIsReportedDeliveredThere() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("inbox", 73, false);
        long size = 6_000_000;
        String key = "videos/inbox-" + account.accountId();
        String sha = Videos.put(s3, BUCKET, key, size, 6);
        PostDue due = Posts.video(account, BUCKET, key, size, PostMode.INBOX, null);
        kafka().send(due);

        String publishId = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(30)).value()
                .path("publishId").asText();
        assertThat(publishId).startsWith("v_inbox_file");
        // follow the draft at TikTok until the worker reports it. The event is looked at before the status, and the
        // status never goes back, so every look that saw the report must also see the draft in the inbox.
        List<String> statusesSeen = new ArrayList<>();
        List<String> statusesOnceReported = new ArrayList<>();
        TestSupport.await(Duration.ofSeconds(30)).until(() -> {
            boolean reported = first(due.postId(), "post.published").isPresent();
            String status = sandbox.publication(publishId).orElseThrow().status();
            if (statusesSeen.isEmpty() || !statusesSeen.get(statusesSeen.size() - 1).equals(status)) {
                statusesSeen.add(status);
            }
            if (reported) {
                statusesOnceReported.add(status);
            }
            return reported;
        });
        assertThat(statusesOnceReported).as("TikTok's status whenever the delivery had been reported")
                .containsOnly("SEND_TO_USER_INBOX");
        assertThat(statusesSeen).as("the draft's way through TikTok")
                .isSubsetOf("PROCESSING_UPLOAD", "SEND_TO_USER_INBOX").last().isEqualTo("SEND_TO_USER_INBOX");

        List<Kafka.Received> published = events(due.postId(), "post.published");
        assertThat(published).hasSize(1);
        JsonNode delivered = published.get(0).value();
        assertThat(delivered.path("outcome").asText()).isEqualTo("INBOX_DELIVERED");
        assertThat(delivered.path("publishId").asText()).isEqualTo(publishId);
        assertThat(delivered.path("publicPostId").isNull()).as("a draft has no public post yet").isTrue();
        assertThat(delivered.path("shareUrl").isNull()).isTrue();
        assertThat(events(due.postId(), "post.failed")).isEmpty();

        assertThat(sandbox.initCalls()).filteredOn(c -> c.openId().equals(account.openId()))
                .extracting(InitCall::endpoint).containsExactly(SandboxEndpoint.INBOX_VIDEO_INIT);
        assertThat(sandbox.receivedUpload(publishId).orElseThrow().sha256Hex()).isEqualTo(sha);
        PublicationSnapshot draft = sandbox.publication(publishId).orElseThrow();
        assertThat(draft.postMode()).isEqualTo("MEDIA_UPLOAD");
        assertThat(draft.title()).as("the caption travels with the draft").isEqualTo(due.content());
        // and it really is a draft waiting for the creator: posting it from the TikTok app publishes it
        assertThat(sandbox.userPostsDraft(publishId)).isTrue();
        assertThat(sandbox.publication(publishId).orElseThrow().status()).isEqualTo("PUBLISH_COMPLETE");
    }

    @Test
    void aPhotoPostIsPulledByTikTokFromTheVerifiedMediaAddressAndPublished() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("photo", 77, false);
        List<String> keys = List.of("photos/" + account.accountId() + "-1.jpg", "photos/" + account.accountId() + "-2.jpg");
        PostDue due = Posts.photos(account, BUCKET, keys, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka().send(due);

        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(30));
        assertThat(published.value().path("outcome").asText()).isEqualTo("PUBLISHED");
        String publishId = published.value().path("publishId").asText();
        assertThat(publishId).startsWith("p_pub_url");
        PublicationSnapshot photo = sandbox.publication(publishId).orElseThrow();
        assertThat(photo.mediaType()).isEqualTo("PHOTO");
        assertThat(photo.source()).isEqualTo("PULL_FROM_URL");
        assertThat(photo.postMode()).isEqualTo("DIRECT_POST");
        assertThat(photo.privacyLevel()).isEqualTo("SELF_ONLY");
        assertThat(photo.title()).isEqualTo(due.title());
        assertThat(photo.status()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(sandbox.initCalls()).filteredOn(c -> c.openId().equals(account.openId()))
                .extracting(InitCall::endpoint).containsExactly(SandboxEndpoint.CONTENT_INIT);
        assertThat(sandbox.receivedUploads()).noneMatch(u -> u.openId().equals(account.openId()));
    }

    @Test
    void aPrivacyTheCreatorDoesNotOfferFailsBeforeInitWithAReasonTheUserCanActOn() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("private", 74, true);
        long size = 1_000_000;
        String key = "videos/private-" + account.accountId();
        Videos.put(s3, BUCKET, key, size, 1);
        PostDue due = Posts.video(account, BUCKET, key, size, PostMode.DIRECT_POST, "PUBLIC_TO_EVERYONE");
        double refusedBefore = metric(PRIVACY_REFUSED);
        kafka().send(due);

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(30));
        assertThat(metric(PRIVACY_REFUSED)).isEqualTo(refusedBefore + 1);
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("privacy_level_not_offered");
        assertThat(failed.value().path("message").asText()).contains("FOLLOWER_OF_CREATOR");
        assertThat(failed.value().path("retryable").asBoolean()).isFalse();
        assertThat(failed.value().path("outcomeUnknown").asBoolean()).isFalse();
        assertThat(failed.value().path("publishId").isNull()).isTrue();
        assertThat(sandbox.initCallCount(account.openId())).isZero();
    }

    @Test
    void aRedeliveredPostDueReSendsTheStoredOutcomeWithTheSameEventIdAndNeverInitsAgain() throws Exception {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("again", 75, false);
        long size = 2_000_000;
        String key = "videos/again-" + account.accountId();
        Videos.put(s3, BUCKET, key, size, 2);
        PostDue due = Posts.video(account, BUCKET, key, size, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka().send(due);
        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(30));

        // the same event again, and post-service re-sending the same attempt under a new event id
        kafka().send(due);
        kafka().send(PostDue.of(due.postId(), due.userId(), due.attempt(), due.tiktokAccountId(), due.scheduledTime(),
                due.mode(), due.mediaType(), due.title(), due.content(), due.privacyLevel(), due.disableComment(),
                due.disableDuet(), due.disableStitch(), due.brandContentToggle(), due.brandOrganicToggle(), due.aigc(),
                due.videoCoverTimestampMs(), due.photoCoverIndex(), due.media()));

        // both re-sends carry the stored event id; while one still waits in the outbox the other is absorbed there
        TestSupport.await(Duration.ofSeconds(30)).until(() -> events(due.postId(), "post.published").size() >= 2);
        assertThat(events(due.postId(), "post.published")).extracting(e -> e.value().path("eventId").asText())
                .containsOnly(published.value().path("eventId").asText());
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String poison = "{\"type\":\"post.due\",\"version\":99,\"eventId\":\"" + java.util.UUID.randomUUID() + "\"}";
        kafka().sendRaw("1", poison);
        kafka().sendRaw("1", "this is not json");
        TestSupport.await(Duration.ofSeconds(30)).until(() -> kafka().deadLetters().stream()
                .filter(r -> r.raw().equals(poison) || r.raw().equals("this is not json")).count() == 2);
        assertThat(kafka().deadLetters().get(0).topic())
                .isEqualTo(Topics.deadLetterOf(Topics.POST_DUE, "publisher-worker"));

        // and the next valid post is still handled
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("after-poison", 76, false);
        Videos.put(s3, BUCKET, "videos/after-poison", 1_000_000, 9);
        PostDue due = Posts.video(account, BUCKET, "videos/after-poison", 1_000_000, PostMode.DIRECT_POST, "SELF_ONLY");
        kafka().send(due);
        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(30));
    }
}
