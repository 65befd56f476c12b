package io.tiktimer.publisher;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.tiktimer.publisher.testing.TikTokServiceProcess;
import io.tiktimer.publisher.testing.TikTokServiceResource;
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
import java.time.Instant;

import static io.tiktimer.publisher.testing.TestSupport.BUCKET;
import static io.tiktimer.publisher.testing.TestSupport.awaitEvent;
import static io.tiktimer.publisher.testing.TestSupport.events;
import static io.tiktimer.publisher.testing.TestSupport.kafka;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TikTok misbehaving in the ways peers saw in production, with tokens from the real tiktok-service; each ends in the
 * right state with at most one init.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = BUCKET))
@QuarkusTestResource(TikTokSandboxResource.class)
@QuarkusTestResource(TikTokServiceResource.class)
class FaultsTest {
    private static final long MULTI_CHUNK = 66_000_000L;

    @Inject
    S3Client s3;
    @Inject
    DataSource dataSource;

    final TikTokSandbox sandbox = TikTokSandboxResource.sandbox();
    final TikTokServiceProcess tiktokService = TikTokServiceResource.tiktokService();

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    private PostDue post(TikTokServiceProcess.Account account, long size, int seed) {
        String key = "videos/faults-" + account.accountId();
        Videos.put(s3, BUCKET, key, size, seed);
        return Posts.video(account, BUCKET, key, size, PostMode.DIRECT_POST, "SELF_ONLY");
    }

    @Test
    void aRateLimitedInitIsRetriedAndThePostPublishedOnce() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("init429", 81, false);
        PostDue due = post(account, 1_500_000, 81);
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.serverError(429));
        kafka().send(due);

        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(sandbox.initCallCount(account.openId())).as("one refused, one accepted").isEqualTo(2);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
    }

    @Test
    void aChunkAnswered5xxIsSentAgainAndTheBytesArriveExactlyOnce() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("chunk5xx", 82, false);
        PostDue due = post(account, MULTI_CHUNK, 82);
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 1, Fault.serverError(502));
        kafka().send(due);

        assertExactUpload(account, due, MULTI_CHUNK, 82);
    }

    @Test
    void aConnectionDroppedAfterTheChunkWasCommittedResumesFromTikToksProgress() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("chunkdrop", 83, false);
        PostDue due = post(account, MULTI_CHUNK, 83);
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 1, Fault.dropConnectionAfterEffect());
        kafka().send(due);

        assertExactUpload(account, due, MULTI_CHUNK, 83);
    }

    private void assertExactUpload(TikTokServiceProcess.Account account, PostDue due, long size, int seed) {
        Kafka.Received published = awaitEvent(due.postId(), "post.published", Duration.ofSeconds(90));
        ReceivedUpload upload = sandbox.receivedUpload(published.value().path("publishId").asText()).orElseThrow();
        assertThat(upload.sha256Hex()).isEqualTo(Videos.sha256(size, seed));
        assertThat(upload.chunkCount()).isEqualTo(6);
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
    }

    @Test
    void tiktokFailingWithInternalIsReportedRetryableWithItsPublishId() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("internal", 84, false);
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
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("stuck", 85, false);
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

    /**
     * TikTok refuses the token while the post is processing (an access token can die before the expiry TikTok gave,
     * e.g. after a security event): the worker asks tiktok-service for a forced refresh, tiktok-service really refreshes
     * against TikTok (rotating the refresh token) and the post is still published once. A token that really runs out
     * at TikTok is {@code WorkerProcessIT#aTokenThatExpiresAtTikTokWhileThePostIsProcessing…}.
     */
    @Test
    void aTokenTikTokRejectsMidFlightIsRefreshedByTikTokServiceAndThePostStillPublishesOnce() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("token", 86, false);
        String tokenBefore = tiktokService.currentAccessToken(account);
        PostDue due = post(account, 1_000_000, 86);
        sandbox.faults().failNext(SandboxEndpoint.STATUS_FETCH, 1,
                Fault.errorWithHttp200("access_token_invalid", "The access token is invalid or not found in the request."));
        kafka().send(due);

        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
        assertThat(sandbox.initCallCountForToken(tokenBefore)).as("init went out with the first token").isEqualTo(1);
        String tokenAfter = tiktokService.currentAccessToken(account);
        assertThat(tokenAfter).as("tiktok-service refreshed at TikTok and now hands out another token")
                .isNotEqualTo(tokenBefore);
        assertThat(tiktokService.account(account).path("status").asText()).isEqualTo("connected");
        assertThat(events(due.postId(), "post.failed")).isEmpty();
    }

    /**
     * TikTok's OAuth endpoint is down exactly when the token must be replaced: tiktok-service retries, then answers
     * 503, the worker backs off (the post is not failed) and publishes once the refresh works; the account is never
     * disconnected over it. This is how "tiktok-service cannot give a token right now" is produced with the real
     * service: no stand-in is needed (stopping the shared process would take it from the other tests for nothing).
     */
    @Test
    void aTokenRefreshThatTikTokCannotServeYetIsWaitedForAndThePostPublishesOnce() throws Exception {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("oauth503", 89, false);
        String tokenBefore = tiktokService.currentAccessToken(account);
        PostDue due = post(account, 1_000_000, 89);
        sandbox.faults().failNext(SandboxEndpoint.STATUS_FETCH, 1,
                Fault.errorWithHttp200("access_token_invalid", "The access token is invalid or not found in the request."));
        // tiktok-service tries a refresh three times (two retries) before answering 503
        sandbox.faults().failNext(SandboxEndpoint.OAUTH_TOKEN, 3, Fault.serverError(503));
        kafka().send(due);

        awaitEvent(due.postId(), "post.published", Duration.ofSeconds(60));
        assertThat(sandbox.faults().pending()).as("every refresh attempt during the outage reached TikTok").isEmpty();
        assertThat(events(due.postId(), "post.failed")).isEmpty();
        assertThat(stepFailures(due.postId())).as("the worker backed off while tiktok-service had no token").isPositive();
        assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(1);
        assertThat(tiktokService.currentAccessToken(account)).isNotEqualTo(tokenBefore);
        assertThat(tiktokService.account(account).path("status").asText()).isEqualTo("connected");
    }

    private int stepFailures(long postId) throws Exception {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery(
                     "select step_failures from publisher.publish_attempt where post_id = " + postId)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void anInitWhoseAnswerWasLostIsReportedUnconfirmedAndNeverSentAgain() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("initdrop", 87, false);
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

    /**
     * The creator removed TikTimer in the TikTok app (TikTok revokes the consent). TikTok refuses the token, the
     * forced refresh at tiktok-service meets {@code invalid_grant}, tiktok-service marks the account
     * {@code needs_reconnect} and answers 409, and the post fails before init with a reason the user can act on.
     */
    @Test
    void aRevokedAuthorizationFailsThePostBeforeInitWithReconnectRequired() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("revoked", 88, false);
        PostDue due = post(account, 1_000_000, 88);
        tiktokService.creatorRevokesAccess(account);
        kafka().send(due);

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("reconnect_required");
        assertThat(failed.value().path("message").asText()).containsIgnoringCase("reconnect");
        assertThat(failed.value().path("retryable").asBoolean()).isFalse();
        assertThat(failed.value().path("outcomeUnknown").asBoolean()).isFalse();
        assertThat(failed.value().path("publishId").isNull()).isTrue();
        assertThat(sandbox.initCallCount(account.openId())).isZero();
        assertThat(tiktokService.account(account).path("status").asText()).isEqualTo("needs_reconnect");
    }

    /**
     * TikTok refuses the token, and after tiktok-service refreshed it, refuses the new one too: the worker tells
     * tiktok-service, which marks the account {@code needs_reconnect} (so the user sees it), and fails the post.
     */
    @Test
    void aFreshTokenTikTokStillRefusesIsReportedToTikTokServiceAndFailsThePost() {
        TikTokServiceProcess.Account account = tiktokService.connectNewCreator("refused", 90, false);
        Instant expiryBefore = Instant.parse(tiktokService.account(account).path("access_token_expires_at").asText());
        PostDue due = post(account, 1_000_000, 90);
        sandbox.faults().failNext(SandboxEndpoint.CREATOR_INFO, 2,
                Fault.errorWithHttp200("access_token_invalid", "The access token is invalid or not found in the request."));
        kafka().send(due);

        Kafka.Received failed = awaitEvent(due.postId(), "post.failed", Duration.ofSeconds(60));
        assertThat(failed.value().path("errorCode").asText()).isEqualTo("reconnect_required");
        assertThat(failed.value().path("retryable").asBoolean()).isFalse();
        assertThat(sandbox.initCallCount(account.openId())).isZero();
        JsonNode stored = tiktokService.account(account);
        assertThat(stored.path("status").asText()).as("reported by the worker").isEqualTo("needs_reconnect");
        assertThat(Instant.parse(stored.path("access_token_expires_at").asText()))
                .as("the second refusal was of a token tiktok-service had refreshed in between").isAfter(expiryBefore);
        assertThat(sandbox.faults().pending()).as("both creator_info calls were made").isEmpty();
    }
}
