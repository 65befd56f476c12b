package io.tiktimer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserInfoAndEnvelopeTest {
    private static TikTokSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = SandboxClient.startFast(SandboxConfig.defaults());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void returnsOnlyTheRequestedFieldsInTheEnvelope() {
        SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        SandboxClient.Reply reply = client.apiGet(tokens.accessToken(), "/v2/user/info/?fields=open_id,display_name,username,follower_count");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode user = reply.data().get("user");
        assertThat(user.get("open_id").asText()).isEqualTo(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        assertThat(user.get("display_name").asText()).isEqualTo("Demo Creator");
        assertThat(user.get("username").asText()).isEqualTo("demo.creator");
        assertThat(user.get("follower_count").asLong()).isEqualTo(1200);
        assertThat(user.has("avatar_url")).isFalse();
        JsonNode error = reply.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("ok");
        assertThat(error.get("message").asText()).isEmpty();
        assertThat(error.get("log_id").asText()).matches("\\d{14}[0-9A-F]{18}");
        assertThat(reply.header("x-tt-logid")).isEqualTo(error.get("log_id").asText());

        SandboxClient.Reply again = client.apiGet(tokens.accessToken(), "/v2/user/info/?fields=open_id");
        assertThat(again.json().at("/error/log_id").asText()).as("fresh log_id per request").isNotEqualTo(error.get("log_id").asText());
    }

    @Test
    void fieldsOutsideTheGrantedScopesAreRefused() {
        SandboxClient.Tokens basicOnly = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID, "user.info.basic");
        SandboxClient.Reply reply = client.apiGet(basicOnly.accessToken(), "/v2/user/info/?fields=open_id,username");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("scope_permission_missed");
        assertThat(reply.json().at("/error/log_id").asText()).isNotBlank();

        SandboxClient.Reply unknown = client.apiGet(basicOnly.accessToken(), "/v2/user/info/?fields=shoe_size");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("invalid_params");
    }

    @Test
    void missingWrongOrExpiredTokensGet401() {
        assertThat(client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandbox.apiBaseUrl() + "/v2/user/info/?fields=open_id")).GET().build()).status()).isEqualTo(401);
        SandboxClient.Reply wrong = client.apiGet("act.nonsense", "/v2/user/info/?fields=open_id");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("access_token_invalid");

        SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        sandbox.clock().advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(client.apiGet(tokens.accessToken(), "/v2/user/info/?fields=open_id").errorCode()).isEqualTo("access_token_invalid");
        assertThat(client.refresh(tokens.refreshToken()).json().has("access_token")).as("refresh still works after 24 h").isTrue();
    }

    @Test
    void postingWithoutTheScopeIs401ScopeNotAuthorized() {
        SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID, "user.info.basic,video.upload");
        SandboxClient.Reply reply = client.api(tokens.accessToken(), "/v2/post/publish/creator_info/query/", java.util.Map.of());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("scope_not_authorized");
        assertThat(client.fileInit(tokens.accessToken(), "SELF_ONLY", 1_000, 1_000, 1).errorCode()).isEqualTo("scope_not_authorized");
    }

    @Test
    void logIdFieldNameIsConfigurable() {
        try (TikTokSandbox other = SandboxClient.startFast(SandboxConfig.defaults().logIdField("logid"))) {
            SandboxClient otherClient = new SandboxClient(other);
            SandboxClient.Reply reply = otherClient.apiGet("act.nonsense", "/v2/user/info/?fields=open_id");
            assertThat(reply.json().at("/error/logid").asText()).isNotBlank();
            assertThat(reply.json().at("/error").has("log_id")).isFalse();
        }
    }
}
