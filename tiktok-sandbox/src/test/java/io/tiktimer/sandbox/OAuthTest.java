package io.tiktimer.sandbox;

import static io.tiktimer.sandbox.SandboxClient.CLIENT_KEY;
import static io.tiktimer.sandbox.SandboxClient.CLIENT_SECRET;
import static io.tiktimer.sandbox.SandboxClient.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthTest {
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

    private String authorizeUrl(String scopes) {
        return sandbox.authorizeUrl(CLIENT_KEY, REDIRECT_URI, scopes, "csrf-123");
    }

    @Test
    void aPersonCanApproveOnTheHtmlConsentPageAndGetsCodeStateAndScopes() {
        SandboxClient.Reply page = client.get(authorizeUrl("user.info.basic,video.publish"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Creator", "video.publish", "name=\"decision\" value=\"approve\"");

        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("client_key", CLIENT_KEY,
                "scope", "user.info.basic,video.publish", "redirect_uri", REDIRECT_URI, "state", "csrf-123",
                "response_type", "code", "open_id", DemoAccounts.PRIVATE_CREATOR_OPEN_ID, "decision", "approve"));
        form.put("granted_scope", "user.info.basic");
        SandboxClient.Reply redirect = client.form(sandbox.authBaseUrl() + "/v2/auth/authorize/", form);

        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.header("location"));
        assertThat(location.toString()).startsWith(REDIRECT_URI + "?");
        Map<String, String> params = SandboxClient.query(location);
        assertThat(params).containsEntry("state", "csrf-123").containsEntry("scopes", "user.info.basic").containsKey("code");
        JsonNode tokens = client.exchange(params.get("code"), REDIRECT_URI).json();
        assertThat(tokens.get("open_id").asText()).isEqualTo(DemoAccounts.PRIVATE_CREATOR_OPEN_ID);
        assertThat(tokens.get("scope").asText()).isEqualTo("user.info.basic");
    }

    @Test
    void theConsentPagePreselectsTheDemoCreatorAndNeverTheBannedOne() {
        String page = client.get(authorizeUrl("user.info.basic")).body();
        Matcher checked = Pattern.compile("<input type=\"radio\" name=\"open_id\" value=\"([^\"]+)\"[^>]* checked")
                .matcher(page);
        assertThat(checked.find()).as("one account is preselected").isTrue();
        assertThat(checked.group(1)).isEqualTo(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        assertThat(checked.find()).as("only one").isFalse();
        // a newcomer can still pick the banned creator on purpose, and sees what it is for
        assertThat(page).contains("value=\"" + DemoAccounts.BANNED_CREATOR_OPEN_ID + "\" required>")
                .contains("Banned Creator (@banned.creator, public, banned from posting)");
    }

    @Test
    void withoutTheDemoCreatorNothingIsPreselected() {
        // a sandbox without the demo creator: the alphabetically first account, here a banned one, is not chosen
        try (TikTokSandbox bare = TikTokSandbox.start(SandboxConfig.defaults())) {
            bare.registerApp(new SandboxApp(CLIENT_KEY, CLIENT_SECRET).redirectUri(REDIRECT_URI));
            bare.registerCreator(new SandboxCreator(DemoAccounts.BANNED_CREATOR_OPEN_ID, "banned.creator").banned(true));
            bare.registerCreator(new SandboxCreator("zz-" + System.nanoTime(), "zz.creator"));
            String page = new SandboxClient(bare).get(bare.authorizeUrl(CLIENT_KEY, REDIRECT_URI, "user.info.basic",
                    "s")).body();
            assertThat(page).contains("name=\"open_id\"")
                    .doesNotContainPattern("<input type=\"radio\" name=\"open_id\"[^>]* checked");
            Map<String, String> form = Map.of("client_key", CLIENT_KEY, "scope", "user.info.basic",
                    "redirect_uri", REDIRECT_URI, "state", "s", "response_type", "code", "decision", "approve");
            SandboxClient.Reply refused = new SandboxClient(bare).form(bare.authBaseUrl() + "/v2/auth/authorize/", form);
            assertThat(refused.status()).as("approving without picking an account").isEqualTo(400);
            assertThat(refused.body()).contains("Choose an account");
        }
    }

    @Test
    void theHtmlPageCanDeny() {
        Map<String, String> form = Map.of("client_key", CLIENT_KEY, "scope", "user.info.basic", "redirect_uri", REDIRECT_URI,
                "state", "s1", "response_type", "code", "decision", "deny");
        SandboxClient.Reply redirect = client.form(sandbox.authBaseUrl() + "/v2/auth/authorize/", form);
        Map<String, String> params = SandboxClient.query(URI.create(redirect.header("location")));
        assertThat(params).containsEntry("error", "access_denied").containsEntry("state", "s1").doesNotContainKey("code");
    }

    @Test
    void grantingFewerScopesKeepsUserInfoBasic() {
        URI callback = sandbox.authorize(authorizeUrl("user.info.basic,video.publish,video.upload"),
                ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID).grantingOnly("video.upload"));
        assertThat(SandboxClient.query(callback)).containsEntry("scopes", "user.info.basic,video.upload");
    }

    @Test
    void badAuthorizeRequestsAreRefused() {
        assertThat(client.get(sandbox.authorizeUrl("nope", REDIRECT_URI, "user.info.basic", "s")).status()).isEqualTo(400);
        SandboxClient.Reply wrongRedirect = client.get(sandbox.authorizeUrl(CLIENT_KEY, REDIRECT_URI + "/", "user.info.basic", "s"));
        assertThat(wrongRedirect.status()).as("trailing slash counts").isEqualTo(400);
        assertThat(wrongRedirect.body()).contains("redirect_uri");
        assertThatThrownBy(() -> sandbox.authorize(sandbox.authorizeUrl(CLIENT_KEY, "https://evil.example.com/cb", "user.info.basic", "s"),
                ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID))).isInstanceOf(IllegalStateException.class);

        URI spaceSeparated = sandbox.authorize(authorizeUrl("user.info.basic video.publish"),
                ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID));
        assertThat(SandboxClient.query(spaceSeparated)).containsEntry("error", "invalid_scope").containsEntry("state", "csrf-123");

        String tokenType = authorizeUrl("user.info.basic").replace("response_type=code", "response_type=token");
        assertThat(SandboxClient.query(sandbox.authorize(tokenType, ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID))))
                .containsEntry("error", "unsupported_response_type");
    }

    @Test
    void sandboxAppsRejectNonTargetUsers() {
        sandbox.registerApp(new SandboxApp("sandboxed", "x").redirectUri(REDIRECT_URI).sandboxTarget(DemoAccounts.PRIVATE_CREATOR_OPEN_ID));
        URI callback = sandbox.authorize(sandbox.authorizeUrl("sandboxed", REDIRECT_URI, "user.info.basic", "s"),
                ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID));
        assertThat(SandboxClient.query(callback)).containsEntry("error", "non_sandbox_target");
    }

    @Test
    void tokenExchangeReturnsTikToksFlatShape() {
        URI callback = sandbox.authorize(authorizeUrl("user.info.basic,video.publish"),
                ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID));
        SandboxClient.Reply reply = client.exchange(SandboxClient.query(callback).get("code"), REDIRECT_URI);
        JsonNode json = reply.json();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(json.get("access_token").asText()).startsWith("act.");
        assertThat(json.get("refresh_token").asText()).startsWith("rft.");
        assertThat(json.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(json.get("refresh_expires_in").asLong()).isEqualTo(31_536_000);
        assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.get("scope").asText()).isEqualTo("user.info.basic,video.publish");
        assertThat(json.has("data")).isFalse();
    }

    @Test
    void codesAreSingleUseShortLivedAndBoundToTheRedirectUri() {
        String code = code();
        assertThat(client.exchange(code, REDIRECT_URI).json().has("access_token")).isTrue();
        SandboxClient.Reply reuse = client.exchange(code, REDIRECT_URI);
        assertThat(reuse.status()).as("OAuth errors arrive with HTTP 200 by default").isEqualTo(200);
        assertThat(reuse.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(reuse.json().get("log_id").asText()).isNotBlank();

        SandboxClient.Reply mismatch = client.exchange(code(), REDIRECT_URI + "/");
        assertThat(mismatch.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(mismatch.json().get("error_description").asText()).contains("Redirect_uri is not matched");

        String expiring = code();
        sandbox.clock().advance(Duration.ofMinutes(11));
        assertThat(client.exchange(expiring, REDIRECT_URI).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void clientMustAuthenticateWithAFormBody() {
        SandboxClient.Reply badSecret = client.form(sandbox.apiBaseUrl() + "/v2/oauth/token/", Map.of("client_key", CLIENT_KEY,
                "client_secret", "wrong", "code", code(), "grant_type", "authorization_code", "redirect_uri", REDIRECT_URI));
        assertThat(badSecret.json().get("error").asText()).isEqualTo("invalid_client");

        SandboxClient.Reply json = client.send(java.net.http.HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/v2/oauth/token/"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"client_key\":\"" + CLIENT_KEY + "\"}")).build());
        assertThat(json.json().get("error").asText()).isEqualTo("invalid_request");

        SandboxClient.Reply grant = client.form(sandbox.apiBaseUrl() + "/v2/oauth/token/", Map.of("client_key", CLIENT_KEY,
                "client_secret", CLIENT_SECRET, "grant_type", "password"));
        assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refreshRotatesAndTheRotatedOutTokenDies() {
        SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        JsonNode refreshed = client.refresh(tokens.refreshToken()).json();
        String rotated = refreshed.get("refresh_token").asText();
        assertThat(rotated).startsWith("rft.").isNotEqualTo(tokens.refreshToken());
        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(tokens.accessToken());
        assertThat(refreshed.get("open_id").asText()).isEqualTo(tokens.openId());

        assertThat(client.refresh(tokens.refreshToken()).json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(client.refresh(rotated).json().has("access_token")).isTrue();
    }

    @Test
    void rotationCanBeSwitchedOffOrKeepOldTokensAlive() {
        SandboxApp app = sandbox.app(CLIENT_KEY).orElseThrow();
        try {
            app.refreshRotation(RefreshRotation.NEVER);
            SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
            assertThat(client.refresh(tokens.refreshToken()).json().get("refresh_token").asText()).isEqualTo(tokens.refreshToken());

            app.refreshRotation(RefreshRotation.ALWAYS).rotatedOutRefreshTokenStaysValid(true);
            String rotated = client.refresh(tokens.refreshToken()).json().get("refresh_token").asText();
            assertThat(rotated).isNotEqualTo(tokens.refreshToken());
            assertThat(client.refresh(tokens.refreshToken()).json().has("access_token")).isTrue();

            app.refreshAlwaysFails(true);
            assertThat(client.refresh(rotated).json().get("error").asText()).isEqualTo("invalid_grant");
        } finally {
            app.refreshRotation(RefreshRotation.ALWAYS).rotatedOutRefreshTokenStaysValid(false).refreshAlwaysFails(false);
        }
    }

    @Test
    void refreshWindowCountsFromTheFirstConsent() {
        SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        sandbox.clock().advance(Duration.ofDays(100));
        JsonNode refreshed = client.refresh(tokens.refreshToken()).json();
        assertThat(refreshed.get("refresh_expires_in").asLong()).isBetween(265L * 86_400 - 5, 265L * 86_400);
        sandbox.clock().advance(Duration.ofDays(266));
        assertThat(client.refresh(refreshed.get("refresh_token").asText()).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void revokeKillsAccessAndRefreshTokens() {
        SandboxClient.Tokens tokens = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        SandboxClient.Reply revoke = client.revoke(tokens.accessToken());
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.body()).isEmpty();
        SandboxClient.Reply info = client.apiGet(tokens.accessToken(), "/v2/user/info/?fields=open_id");
        assertThat(info.status()).isEqualTo(401);
        assertThat(info.errorCode()).isEqualTo("access_token_invalid");
        assertThat(client.refresh(tokens.refreshToken()).json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void oauthErrorStatusIsConfigurable() {
        try (TikTokSandbox strict = SandboxClient.startFast(SandboxConfig.defaults().oauthErrorHttpStatus(400))) {
            SandboxClient other = new SandboxClient(strict);
            SandboxClient.Reply reply = other.exchange("no-such-code", REDIRECT_URI);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("invalid_grant");
        }
    }

    private String code() {
        URI callback = sandbox.authorize(authorizeUrl("user.info.basic"), ConsentDecision.approveAs(DemoAccounts.PUBLIC_CREATOR_OPEN_ID));
        Matcher m = Pattern.compile("code=([^&]+)").matcher(callback.toString());
        assertThat(m.find()).isTrue();
        return SandboxClient.query(callback).get("code");
    }
}
