package io.tiktimer.publisher;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.publisher.testing.Kafka;
import io.tiktimer.publisher.testing.Posts;
import io.tiktimer.publisher.testing.TestSupport;
import io.tiktimer.publisher.testing.TikTokServiceStub;
import io.tiktimer.publisher.testing.TikTokServiceStubResource;
import io.tiktimer.publisher.testing.Videos;
import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.ProbeOutcome;
import io.tiktimer.sandbox.PublishFault;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;

import static io.tiktimer.publisher.testing.TestSupport.BUCKET;
import static io.tiktimer.publisher.testing.TestSupport.awaitEvent;
import static io.tiktimer.publisher.testing.TestSupport.events;
import static io.tiktimer.publisher.testing.TestSupport.kafka;
import static org.assertj.core.api.Assertions.assertThat;

/** TikTok misbehaving in the ways peers saw in production; each ends in the right state with at most one init. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = BUCKET))
@QuarkusTestResource(TikTokSandboxResource.class)
@QuarkusTestResource(TikTokServiceStubResource.class)
class FaultsTest {
    private static final long MULTI_CHUNK = 66_000_000L;

    @Inject
    S3Client s3;
    @Inject
    DataSource dataSource;

    final TikTokSandbox sandbox = TikTokSandboxResource.sandbox();
    final TikTokServiceStub tiktokService = TikTokServiceStubResource.stub();

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    private PostDue post(TikTokServiceStub.Account account, long size, int seed) {
        String key = "videos/faults-" + account.accountId();
        Videos.put(s3, BUCKET, key, size, seed);
        return Posts.video(account, BUCKET, key, size, PostMode.DIRECT_POST, "SELF_ONLY");
    }

    @Test
    void aRateLimitedInitIsRetriedAndThePostPublishedOnce() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("init429", 81, false);
        PostDue due = post(account, 1_500_000, 81);
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.serverError(429));
        kafka().send(due);

        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(sandbox.initCallCount(account.openId())).as("one refused, one accepted").isEqualTo(2);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
    }

    @Test
    void aChunkAnswered5xxIsSentAgainAndTheBytesArriveExactlyOnce() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("chunk5xx", 82, false);
        PostDue due = post(account, MULTI_CHUNK, 82);
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 1, Fault.serverError(502));
        kafka().send(due);

        assertExactUpload(account, due, MULTI_CHUNK, 82);
    }

    @Test
    void aConnectionDroppedAfterTheChunkWasCommittedResumesFromTikToksProgress() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("chunkdrop", 83, false);
        PostDue due = post(account, MULTI_CHUNK, 83);
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 1, Fault.dropConnectionAfterEffect());
        kafka().send(due);

        assertExactUpload(account, due, MULTI_CHUNK, 83);
    }

    private void assertExactUpload(TikTokServiceStub.Account account, PostDue due, long size, int seed) {
        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(90));
        ReceivedUpload upload = sandbox.receivedUpload(published.value().path("publishId").asText()).orElseThrow();
        assertThat(upload.sha256Hex()).isEqualTo(Videos.sha256(size, seed));
        assertThat(upload.chunkCount()).isEqualTo(6);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
    }

    @Test
    void tiktokFailingWithInternalIsReportedRetryableWithItsPublishId() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("internal", 84, false);
        PostDue due = post(account, 1_000_000, 84);
        sandbox.faults().nextProbeOutcomes(ProbeOutcome.fail("internal"));
        kafka().send(due);

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("internal");
        assertThat(failed.value().path("retryable").asBoolean()).isTrue();
        assertThat(failed.value().path("outcomeUnknown").asBoolean()).isFalse();
        assertThat(failed.value().path("publishId").asText()).startsWith("v_pub_file");
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
    }

    @Test
    void aPostStuckInProcessingIsReportedUnconfirmedAtTheDeadlineNotRepostedAndStillWatched() throws Exception {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("stuck", 85, false);
        PostDue due = post(account, 1_000_000, 85);
        sandbox.faults().nextPublications(1, PublishFault.stuckInProcessing());
        kafka().send(due);

        Kafka.Received publishing = awaitEvent(due.postId(), "post.publishing", Duration.ofSeconds(30));
        TestSupport.await(Duration.ofSeconds(30)).until(() -> sandbox.receivedUpload(
                publishing.value().path("publishId").asText()).isPresent());
        sandbox.clock().advance(Duration.ofMinutes(16));

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("status_timeout");
        assertThat(failed.value().path("outcomeUnknown").asBoolean()).isTrue();
        assertThat(failed.value().path("publishId").asText()).isEqualTo(publishing.value().path("publishId").asText());
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.createStatement().executeQuery("select count(*) from publisher.publish_attempt where post_id = "
                    + due.postId() + " and state = 'UNCONFIRMED' and late_check_until is not null")).satisfies(rs -> {
                rs.next();
                assertThat(rs.getInt(1)).as("keeps checking for a late outcome").isEqualTo(1);
            });
            // the stuck post would keep polling in the background of the following tests
            c.createStatement().executeUpdate("update publisher.publish_attempt set late_check_until = null where post_id = "
                    + due.postId());
        }
    }

    @Test
    void aTokenTikTokRejectsMidFlightIsReplacedAndThePostStillPublishesOnce() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("token", 86, false);
        PostDue due = post(account, 1_000_000, 86);
        sandbox.faults().failNext(SandboxEndpoint.STATUS_FETCH, 1,
                Fault.errorWithHttp200("access_token_invalid", "The access token is invalid or not found in the request."));
        long tokenCallsBefore = tiktokService.tokenCalls();
        long forcedBefore = tiktokService.forcedRefreshes();
        kafka().send(due);

        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
        assertThat(tiktokService.tokenCalls() - tokenCallsBefore).as("asked tiktok-service again").isGreaterThanOrEqualTo(2);
        assertThat(tiktokService.forcedRefreshes() - forcedBefore).as("asked for a forced refresh").isEqualTo(1);
        assertThat(tiktokService.reconnectReports()).doesNotContain(account.accountId());
    }

    @Test
    void anInitWhoseAnswerWasLostIsReportedUnconfirmedAndNeverSentAgain() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("initdrop", 87, false);
        PostDue due = post(account, 1_000_000, 87);
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.dropConnectionAfterEffect());
        kafka().send(due);

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("init_outcome_unknown");
        assertThat(failed.value().path("outcomeUnknown").asBoolean()).isTrue();
        assertThat(sandbox.acceptedInitCount(account.openId())).as("TikTok did create it").isEqualTo(1);

        kafka().send(due); // redelivered: the stored outcome is re-sent, init is not repeated
        TestSupport.await(Duration.ofSeconds(30)).until(() -> events(due.postId(), "post.failed").size() >= 2);
        assertThat(events(due.postId(), "post.failed")).extracting(e -> e.value().path("eventId").asText())
                .containsOnly(failed.value().path("eventId").asText());
        assertThat(sandbox.initCallCount(account.openId())).isEqualTo(1);
    }

    @Test
    void anAccountThatNeedsReconnectingFailsBeforeInitAndIsNotRetried() {
        TikTokServiceStub.Account account = tiktokService.connectNewCreator("reconnect", 88, false);
        PostDue due = post(account, 1_000_000, 88);
        tiktokService.requireReconnect(account.accountId());
        kafka().send(due);

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("reconnect_required");
        assertThat(failed.value().path("retryable").asBoolean()).isFalse();
        assertThat(sandbox.initCallCount(account.openId())).isZero();
    }
}
