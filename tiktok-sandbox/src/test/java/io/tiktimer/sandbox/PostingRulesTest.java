package io.tiktimer.sandbox;

import static io.tiktimer.sandbox.DemoAccounts.BANNED_CREATOR_OPEN_ID;
import static io.tiktimer.sandbox.DemoAccounts.PRIVATE_CREATOR_OPEN_ID;
import static io.tiktimer.sandbox.DemoAccounts.PUBLIC_CREATOR_OPEN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostingRulesTest {
    private TikTokSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = SandboxClient.startFast(SandboxConfig.defaults());
        client = new SandboxClient(sandbox);
        sandbox.clock().freeze();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxClient.Reply creatorInfo(String token) {
        return client.api(token, "/v2/post/publish/creator_info/query/", Map.of());
    }

    @Test
    void creatorInfoReportsTheConfiguredCreator() {
        JsonNode pub = creatorInfo(client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken()).data();
        assertThat(pub.get("creator_username").asText()).isEqualTo("demo.creator");
        assertThat(pub.get("creator_nickname").asText()).isEqualTo("Demo Creator");
        assertThat(pub.get("privacy_level_options")).extracting(JsonNode::asText)
                .containsExactly("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
        assertThat(pub.get("max_video_post_duration_sec").asInt()).isEqualTo(300);

        JsonNode priv = creatorInfo(client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken()).data();
        assertThat(priv.get("privacy_level_options")).extracting(JsonNode::asText)
                .containsExactly("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
        assertThat(priv.get("comment_disabled").asBoolean()).isTrue();
        assertThat(priv.get("duet_disabled").asBoolean()).as("private accounts cannot duet").isTrue();
        assertThat(priv.get("stitch_disabled").asBoolean()).isTrue();
        assertThat(priv.get("max_video_post_duration_sec").asInt()).isEqualTo(180);
    }

    @Test
    void creatorInfoSignalsBlockedCreatorsWithHttp200() {
        SandboxClient.Reply banned = creatorInfo(client.connect(BANNED_CREATOR_OPEN_ID).accessToken());
        assertThat(banned.status()).isEqualTo(200);
        assertThat(banned.errorCode()).isEqualTo("spam_risk_user_banned_from_posting");

        sandbox.creator(PUBLIC_CREATOR_OPEN_ID).orElseThrow().dailyPostCap(1);
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).errorCode()).isEqualTo("ok");
        SandboxClient.Reply capped = creatorInfo(token);
        assertThat(capped.status()).isEqualTo(200);
        assertThat(capped.errorCode()).isEqualTo("spam_risk_too_many_posts");
    }

    @Test
    void perTokenRateLimitsAre6InitsAnd20CreatorInfosPerMinute() {
        String token = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        for (int i = 0; i < 20; i++) {
            assertThat(creatorInfo(token).status()).isEqualTo(200);
        }
        SandboxClient.Reply refused = creatorInfo(token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(refused.header("retry-after")).isNull();

        for (int i = 0; i < 6; i++) {
            assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(200);
        }
        assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(429);
        assertThat(client.inboxInit(token, 1_000).status()).as("each init endpoint has its own budget").isEqualTo(200);

        String otherToken = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        assertThat(creatorInfo(otherToken).status()).as("limits are per access token").isEqualTo(200);

        assertThat(sandbox.rateLimitRefusals()).hasSize(2)
                .extracting(RateLimitRefusal::endpoint).containsExactly(SandboxEndpoint.CREATOR_INFO, SandboxEndpoint.VIDEO_INIT);
        assertThat(sandbox.initCallCountForToken(token)).as("the refused init was still a call").isEqualTo(8);

        sandbox.clock().advance(Duration.ofSeconds(61));
        assertThat(creatorInfo(token).status()).as("the window slides").isEqualTo(200);
    }

    @Test
    void statusFetchIsLimitedTo30PerMinute() {
        String token = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        String publishId = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).data().get("publish_id").asText();
        for (int i = 0; i < 30; i++) {
            assertThat(client.status(token, publishId).status()).isEqualTo(200);
        }
        assertThat(client.status(token, publishId).status()).isEqualTo(429);
        assertThat(sandbox.rateLimitRefusals()).extracting(RateLimitRefusal::endpoint).containsExactly(SandboxEndpoint.STATUS_FETCH);
    }

    @Test
    void dailyDirectPostCapIsSharedAcrossAppsAndSlidesAfter24Hours() {
        sandbox.creator(PRIVATE_CREATOR_OPEN_ID).orElseThrow().dailyPostCap(2);
        String token = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(200);
        assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(200);
        SandboxClient.Reply capped = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1);
        assertThat(capped.status()).isEqualTo(403);
        assertThat(capped.errorCode()).isEqualTo("spam_risk_too_many_posts");
        sandbox.clock().advance(Duration.ofHours(24).plusSeconds(1));
        String fresh = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        assertThat(client.fileInit(fresh, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(200);
    }

    @Test
    void atMostFivePendingInboxSharesUntilTheCreatorPostsOne() {
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        List<JsonNode> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(client.inboxInit(token, 1_000).data());
        }
        sandbox.clock().advance(Duration.ofSeconds(61));
        SandboxClient.Reply sixth = client.inboxInit(token, 1_000);
        assertThat(sixth.status()).isEqualTo(403);
        assertThat(sixth.errorCode()).isEqualTo("spam_risk_too_many_pending_share");

        String firstId = drafts.get(0).get("publish_id").asText();
        assertThat(drafts.get(0).get("publish_id").asText()).startsWith("v_inbox_file~v2.");
        assertThat(sandbox.userPostsDraft(firstId)).as("not in the inbox before the upload").isFalse();
        SandboxClient.Reply put = client.put(drafts.get(0).get("upload_url").asText(), 0, 999, 1_000, SandboxClient.mp4(1_000));
        assertThat(put.status()).isEqualTo(201);
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(sandbox.userPostsDraft(firstId)).isTrue();
        assertThat(client.inboxInit(token, 1_000).status()).isEqualTo(200);
    }

    @Test
    void unauditedAppsPostOnlyToPrivateAccountsAndOnlySelfOnly() {
        sandbox.app(SandboxClient.CLIENT_KEY).orElseThrow().audited(false);
        SandboxClient.Reply publicAccount = client.fileInit(client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken(), "SELF_ONLY", 1_000, 1_000, 1);
        assertThat(publicAccount.status()).isEqualTo(403);
        assertThat(publicAccount.errorCode()).isEqualTo("unaudited_client_can_only_post_to_private_accounts");

        String privateToken = client.connect(PRIVATE_CREATOR_OPEN_ID).accessToken();
        String publishId = client.fileInit(privateToken, "FOLLOWER_OF_CREATOR", 1_000, 1_000, 1).data().get("publish_id").asText();
        assertThat(sandbox.publication(publishId).orElseThrow().privacyLevel()).as("forced to SELF_ONLY").isEqualTo("SELF_ONLY");

        SandboxClient.Reply inbox = client.inboxInit(client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken(), 1_000);
        assertThat(inbox.status()).as("no audit restriction on inbox uploads").isEqualTo(200);
    }

    @Test
    void unauditedPrivacyCanBeRejectedInsteadOfForced() {
        try (TikTokSandbox strict = SandboxClient.startFast(SandboxConfig.defaults().unauditedPrivacyPolicy(UnauditedPrivacyPolicy.REJECT))) {
            strict.app(SandboxClient.CLIENT_KEY).orElseThrow().audited(false);
            SandboxClient strictClient = new SandboxClient(strict);
            SandboxClient.Reply reply = strictClient.fileInit(strictClient.connect(PRIVATE_CREATOR_OPEN_ID).accessToken(),
                    "FOLLOWER_OF_CREATOR", 1_000, 1_000, 1);
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("privacy_level_option_mismatch");
        }
    }

    @Test
    void unauditedAppsHaveFiveActiveUsersPerDay() {
        SandboxApp app = sandbox.app(SandboxClient.CLIENT_KEY).orElseThrow().audited(false);
        for (int i = 0; i < 5; i++) {
            SandboxCreator creator = sandbox.registerCreator(new SandboxCreator("user-" + i, "user" + i).privateAccount(true));
            assertThat(client.fileInit(client.connect(creator.openId()).accessToken(), "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(200);
        }
        SandboxCreator sixth = sandbox.registerCreator(new SandboxCreator("user-6", "user6").privateAccount(true));
        String token = client.connect(sixth.openId()).accessToken();
        SandboxClient.Reply refused = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("reached_active_user_cap");
        SandboxClient.Reply info = creatorInfo(token);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.errorCode()).isEqualTo("reached_active_user_cap");
        assertThat(client.fileInit(client.connect("user-0").accessToken(), "SELF_ONLY", 1_000, 1_000, 1).status())
                .as("already active users keep posting").isEqualTo(200);
        assertThat(app.effectiveActiveUserCap()).isEqualTo(5);
    }

    @Test
    void privacyMustBeOneOfTheCreatorsOptions() {
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        SandboxClient.Reply wrong = client.fileInit(token, "FOLLOWER_OF_CREATOR", 1_000, 1_000, 1);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("privacy_level_option_mismatch");
        SandboxClient.Reply missing = client.api(token, "/v2/post/publish/video/init/", Map.of("post_info", Map.of("title", "x"),
                "source_info", Map.of("source", "FILE_UPLOAD", "video_size", 1_000, "chunk_size", 1_000, "total_chunk_count", 1)));
        assertThat(missing.errorCode()).isEqualTo("privacy_level_option_mismatch");
        assertThat(sandbox.acceptedInitCount(PUBLIC_CREATOR_OPEN_ID)).isZero();
    }

    @Test
    void bannedCreatorsCannotInit() {
        SandboxClient.Reply reply = client.fileInit(client.connect(BANNED_CREATOR_OPEN_ID).accessToken(), "SELF_ONLY", 1_000, 1_000, 1);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("spam_risk_user_banned_from_posting");
    }

    @Test
    void titleIsLimitedTo2200Utf16Units() {
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        String emoji = "\uD83D\uDE00";
        Map<String, Object> source = Map.of("source", "FILE_UPLOAD", "video_size", 1_000, "chunk_size", 1_000, "total_chunk_count", 1);
        SandboxClient.Reply ok = client.api(token, "/v2/post/publish/video/init/", Map.of(
                "post_info", Map.of("title", String.join("", Collections.nCopies(1100, emoji)), "privacy_level", "SELF_ONLY"),
                "source_info", source));
        assertThat(ok.status()).isEqualTo(200);
        SandboxClient.Reply tooLong = client.api(token, "/v2/post/publish/video/init/", Map.of(
                "post_info", Map.of("title", String.join("", Collections.nCopies(1100, emoji)) + "x", "privacy_level", "SELF_ONLY"),
                "source_info", source));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("invalid_params");
    }

    @Test
    void fileUploadInitChecksTheChunkMathAndReturnsAnUploadUrl() {
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        SandboxClient.Reply ok = client.fileInit(token, "PUBLIC_TO_EVERYONE", 50_000_123, 10_000_000, 5);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.data().get("publish_id").asText()).startsWith("v_pub_file~v2-1.").hasSizeLessThanOrEqualTo(64);
        assertThat(ok.data().get("upload_url").asText())
                .startsWith(sandbox.uploadBaseUrl() + "/video/?upload_id=").contains("&upload_token=").hasSizeLessThanOrEqualTo(256);

        SandboxClient.Reply bad = client.fileInit(token, "PUBLIC_TO_EVERYONE", 50_000_123, 10_000_000, 6);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_params");
        assertThat(bad.json().at("/error/message").asText()).isEqualTo("The chunk size is invalid");
        SandboxClient.Reply missing = client.api(token, "/v2/post/publish/video/init/", Map.of(
                "post_info", Map.of("privacy_level", "SELF_ONLY"), "source_info", Map.of("source", "FILE_UPLOAD")));
        assertThat(missing.errorCode()).isEqualTo("invalid_params");
    }

    @Test
    void invalidParamSpellingAndUnitsAreConfigurable() {
        try (TikTokSandbox other = SandboxClient.startFast(SandboxConfig.defaults()
                .invalidParamsCode("invalid_param").chunkSizeUnits(ChunkSizeUnits.BINARY))) {
            SandboxClient otherClient = new SandboxClient(other);
            String token = otherClient.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
            assertThat(otherClient.fileInit(token, "SELF_ONLY", 65_000_000, 65_000_000, 1).status())
                    .as("65,000,000 bytes fit in 64 MiB").isEqualTo(200);
            assertThat(otherClient.fileInit(token, "SELF_ONLY", 100_000_000, 5_000_000, 20).errorCode()).isEqualTo("invalid_param");
        }
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        assertThat(client.fileInit(token, "SELF_ONLY", 65_000_000, 65_000_000, 1).errorCode())
                .as("the default accepts only plans valid under both readings").isEqualTo("invalid_params");
    }

    @Test
    void pullFromUrlNeedsAVerifiedHttpsDomainOrPrefix() {
        sandbox.app(SandboxClient.CLIENT_KEY).orElseThrow()
                .verifiedUrlPrefix("https://media.example.com/videos/user/").verifiedDomain("static.example.org");
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        assertThat(pull(token, "https://media.example.com/videos/user/123/a.mp4").status()).isEqualTo(200);
        assertThat(pull(token, "https://video.static.example.org/a.mp4").data().get("publish_id").asText()).startsWith("v_pub_url~v2.");
        for (String url : List.of("https://media.example.com/videos/2023/user/a.mp4", "http://media.example.com/videos/user/a.mp4",
                "https://example.org/a.mp4", "https://10.0.0.1/videos/user/a.mp4")) {
            SandboxClient.Reply refused = pull(token, url);
            assertThat(refused.status()).as(url).isEqualTo(403);
            assertThat(refused.errorCode()).as(url).isEqualTo("url_ownership_unverified");
        }
        assertThat(pull(token, "https://media.example.com/videos/user/a.mp4").data().has("upload_url")).isFalse();
    }

    private SandboxClient.Reply pull(String token, String url) {
        sandbox.clock().advance(Duration.ofSeconds(11));
        return client.api(token, "/v2/post/publish/video/init/", Map.of(
                "post_info", Map.of("privacy_level", "SELF_ONLY"), "source_info", Map.of("source", "PULL_FROM_URL", "video_url", url)));
    }

    @Test
    void photoPostsFollowTheirOwnRules() {
        sandbox.app(SandboxClient.CLIENT_KEY).orElseThrow().verifiedDomain("example.com");
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        List<String> images = List.of("https://example.com/1.jpg", "https://example.com/2.jpg");
        SandboxClient.Reply direct = photo(token, "DIRECT_POST", images, 1, "PUBLIC_TO_EVERYONE");
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.data().get("publish_id").asText()).startsWith("p_pub_url~v2.");
        assertThat(direct.data().has("upload_url")).isFalse();

        assertThat(photo(token, "DIRECT_POST", images, 2, "PUBLIC_TO_EVERYONE").errorCode()).isEqualTo("invalid_params");
        assertThat(photo(token, "DIRECT_POST", Collections.nCopies(36, "https://example.com/x.jpg"), 0, "SELF_ONLY").errorCode())
                .isEqualTo("invalid_params");
        assertThat(photo(token, "DIRECT POST", images, 0, "SELF_ONLY").errorCode()).isEqualTo("invalid_params");
        assertThat(photo(token, "DIRECT_POST", images, 0, null).errorCode()).isEqualTo("privacy_level_option_mismatch");

        sandbox.creator(PUBLIC_CREATOR_OPEN_ID).orElseThrow().appVersion("31.7.9");
        SandboxClient.Reply old = photo(token, "MEDIA_UPLOAD", images, 0, null);
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.errorCode()).isEqualTo("app_version_check_failed");
        sandbox.creator(PUBLIC_CREATOR_OPEN_ID).orElseThrow().appVersion("31.8");
        assertThat(photo(token, "MEDIA_UPLOAD", images, 0, null).data().get("publish_id").asText()).startsWith("p_inbox_url~v2.");

        String uploadOnly = client.connect(PUBLIC_CREATOR_OPEN_ID, "user.info.basic,video.upload").accessToken();
        assertThat(photo(uploadOnly, "DIRECT_POST", images, 0, "SELF_ONLY").errorCode()).isEqualTo("scope_not_authorized");
    }

    private SandboxClient.Reply photo(String token, String mode, List<String> images, int cover, String privacy) {
        sandbox.clock().advance(Duration.ofSeconds(11));
        Map<String, Object> postInfo = new java.util.HashMap<>(Map.of("title", "photos", "description", "d"));
        if (privacy != null) {
            postInfo.put("privacy_level", privacy);
        }
        return client.api(token, "/v2/post/publish/content/init/", Map.of("media_type", "PHOTO", "post_mode", mode,
                "post_info", postInfo,
                "source_info", Map.of("source", "PULL_FROM_URL", "photo_images", images, "photo_cover_index", cover)));
    }
}
