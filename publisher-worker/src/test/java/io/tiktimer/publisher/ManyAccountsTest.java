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
import io.tiktimer.publisher.testing.Posts;
import io.tiktimer.publisher.testing.TestSupport;
import io.tiktimer.publisher.testing.TikTokServiceProcess;
import io.tiktimer.publisher.testing.TikTokServiceResource;
import io.tiktimer.publisher.testing.Videos;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tiktimer.publisher.testing.TestSupport.BUCKET;
import static io.tiktimer.publisher.testing.TestSupport.kafka;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 accounts x 10 posts due in the same minute. TikTok allows 6 inits per minute per account, so each account needs
 * a second window; the sandbox clock (which the worker reads in tests) is moved a minute ahead whenever everybody
 * waits, so the run takes seconds. The sandbox must never have had to refuse a call. The 20 accounts are connected
 * through the real tiktok-service, which hands the worker their tokens.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = BUCKET))
@QuarkusTestResource(TikTokSandboxResource.class)
@QuarkusTestResource(TikTokServiceResource.class)
class ManyAccountsTest {

    @Inject
    S3Client s3;

    final TikTokSandbox sandbox = TikTokSandboxResource.sandbox();
    final TikTokServiceProcess tiktokService = TikTokServiceResource.tiktokService();

    @Test
    void twoHundredPostsOnTwentyAccountsPublishWithinTikToksLimitsWithoutASingleRefusal() throws Exception {
        long size = 200_000;
        Videos.put(s3, BUCKET, "videos/many", size, 200);
        List<TikTokServiceProcess.Account> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accounts.add(tiktokService.connectNewCreator("many" + i, 900 + i, false));
        }
        Set<String> openIds = accounts.stream().map(TikTokServiceProcess.Account::openId).collect(Collectors.toSet());
        List<PostDue> posts = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            for (TikTokServiceProcess.Account account : accounts) {
                posts.add(Posts.video(account, BUCKET, "videos/many", size, PostMode.DIRECT_POST, "SELF_ONLY"));
            }
        }
        posts.forEach(kafka()::send);

        Thread minutes = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    return;
                }
                sandbox.clock().advance(Duration.ofSeconds(61));
            }
        });
        minutes.start();
        try {
            TestSupport.await(Duration.ofSeconds(150)).until(() -> posts.stream()
                    .allMatch(p -> TestSupport.first(p.postId(), "post.published").isPresent()));
        } finally {
            minutes.interrupt();
        }

        for (TikTokServiceProcess.Account account : accounts) {
            assertThat(sandbox.initCallCount(account.openId())).as(account.openId()).isEqualTo(10);
            assertThat(sandbox.acceptedInitCount(account.openId())).isEqualTo(10);
        }
        assertThat(sandbox.rateLimitRefusals()).filteredOn(r -> openIds.contains(r.openId())).isEmpty();
        assertThat(posts).allSatisfy(p -> assertThat(TestSupport.events(p.postId(), "post.failed")).isEmpty());
    }
}
