package io.tiktimer.sandbox;

import static io.tiktimer.sandbox.DemoAccounts.PUBLIC_CREATOR_OPEN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static TikTokSandbox sandbox;
    private static SandboxClient client;
    private String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxClient.startFast(SandboxConfig.defaults());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void connect() {
        sandbox.faults().clear();
        sandbox.clock().advance(Duration.ofMinutes(1));
        token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
    }

    @Test
    void serverErrorsRejectTheInitWithoutCreatingAPost() {
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.serverError(503));
        int before = sandbox.publications().size();
        SandboxClient.Reply reply = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("internal_error");
        assertThat(reply.json().at("/error/log_id").asText()).isNotBlank();
        assertThat(sandbox.publications()).hasSize(before);
        assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).as("only the next call fails").isEqualTo(200);
        assertThat(sandbox.initCalls()).filteredOn(c -> token.equals(c.accessToken())).extracting(InitCall::httpStatus)
                .containsExactly(503, 200);
    }

    @Test
    void aShareOfCallsMisbehavesAtRandomFromASeed() {
        sandbox.faults().randomly(new RandomFaults(42).on(SandboxEndpoint.CREATOR_INFO, 0.5, Fault::rateLimited));
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            if (i % 10 == 0) {
                sandbox.clock().advance(Duration.ofSeconds(61)); // keeps within TikTok's real limit of 20 a minute
            }
            SandboxClient.Reply reply = client.api(token, "/v2/post/publish/creator_info/query/", Map.of());
            if (reply.status() == 429) {
                assertThat(reply.errorCode()).isEqualTo("rate_limit_exceeded");
                refused++;
            } else {
                assertThat(reply.status()).isEqualTo(200);
            }
        }
        assertThat(refused).as("about half of 40 calls").isBetween(10, 30);
        assertThat(sandbox.faults().fired()).containsEntry("CREATOR_INFO RATE_LIMITED", (long) refused);
        sandbox.faults().clear();
        assertThat(client.api(token, "/v2/post/publish/creator_info/query/", Map.of()).status())
                .as("clearing ends the random faults").isEqualTo(200);
    }

    @Test
    void aRateLimitedInitCreatesNothing() {
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.rateLimited());
        int before = sandbox.publications().size();
        assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(429);
        assertThat(sandbox.publications()).hasSize(before);
    }

    @Test
    void errorsCanArriveWithHttp200() {
        sandbox.faults().failNext(SandboxEndpoint.CREATOR_INFO, 1, Fault.errorWithHttp200("access_token_invalid", "The access token is invalid."));
        SandboxClient.Reply reply = client.api(token, "/v2/post/publish/creator_info/query/", Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo("access_token_invalid");
    }

    @Test
    void aSlowInitTimesTheClientOutButStillCreatesThePost() throws Exception {
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.slowResponse(Duration.ofSeconds(2)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/v2/post/publish/video/init/"))
                .timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"post_info\":{\"privacy_level\":\"SELF_ONLY\"},\"source_info\":"
                        + "{\"source\":\"FILE_UPLOAD\",\"video_size\":1000,\"chunk_size\":1000,\"total_chunk_count\":1}}"))
                .build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sandbox.acceptedInitCount(PUBLIC_CREATOR_OPEN_ID)).as("the outcome reached TikTok").isGreaterThanOrEqualTo(1);
        assertThat(sandbox.initCalls().get(sandbox.initCalls().size() - 1).accepted()).isTrue();
    }

    @Test
    void aDroppedInitResponseLeavesAnAcceptedPostBehind() {
        sandbox.faults().failNext(SandboxEndpoint.VIDEO_INIT, 1, Fault.dropConnectionAfterEffect());
        long before = sandbox.acceptedInitCount(PUBLIC_CREATOR_OPEN_ID);
        assertThatThrownBy(() -> client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1)).isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.acceptedInitCount(PUBLIC_CREATOR_OPEN_ID)).isEqualTo(before + 1);
    }

    @Test
    void oauthFaultsUseOAuthErrorNames() {
        sandbox.faults().failNext(SandboxEndpoint.OAUTH_TOKEN, 1, Fault.serverError(503));
        SandboxClient.Reply reply = client.refresh("rft.whatever");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error").asText()).isEqualTo("temporarily_unavailable");
    }

    @Test
    void initErrorsCanBeConfiguredToArriveWithHttp200() {
        try (TikTokSandbox lenient = SandboxClient.startFast(SandboxConfig.defaults().postingRefusalsWithHttp200(true))) {
            SandboxClient other = new SandboxClient(lenient);
            SandboxClient.Reply reply = other.fileInit(other.connect(DemoAccounts.BANNED_CREATOR_OPEN_ID).accessToken(), "SELF_ONLY", 1_000, 1_000, 1);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.errorCode()).isEqualTo("spam_risk_user_banned_from_posting");
        }
    }
}
