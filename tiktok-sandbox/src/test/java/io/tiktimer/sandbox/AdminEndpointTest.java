package io.tiktimer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminEndpointTest {

    @Test
    void faultsAndReadOutsAreReachableOverHttp() {
        try (TikTokSandbox sandbox = SandboxClient.startFast(SandboxConfig.defaults())) {
            SandboxClient client = new SandboxClient(sandbox);
            String admin = sandbox.apiBaseUrl() + "/sandbox/admin";
            SandboxClient.Reply added = client.send(HttpRequest.newBuilder(URI.create(admin + "/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"endpoint\":\"VIDEO_INIT\",\"kind\":\"SERVER_ERROR\",\"status\":502}")).build());
            assertThat(added.status()).isEqualTo(200);
            assertThat(added.body()).contains("VIDEO_INIT");

            String token = client.connect(DemoAccounts.PUBLIC_CREATOR_OPEN_ID).accessToken();
            assertThat(client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1).status()).isEqualTo(502);
            SandboxClient.Reply init = client.fileInit(token, "SELF_ONLY", 1_000, 1_000, 1);
            client.put(init.data().get("upload_url").asText(), 0, 999, 1_000, SandboxClient.mp4(1_000));

            SandboxClient.Reply advanced = client.send(HttpRequest.newBuilder(URI.create(admin + "/clock/advance?seconds=3600"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(advanced.status()).isEqualTo(200);

            SandboxClient.Reply state = client.get(admin + "/state");
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.json().get("received_uploads").get(0).get("byte_count").asLong()).isEqualTo(1_000);
            assertThat(state.json().get("received_uploads").get(0).get("sha256").asText()).hasSize(64);
            assertThat(state.json().get("publications").get(0).get("status").asText()).isEqualTo("PUBLISH_COMPLETE");
            assertThat(state.json().get("init_calls_by_open_id").get(DemoAccounts.PUBLIC_CREATOR_OPEN_ID).asInt()).isEqualTo(2);
            assertThat(sandbox.clock().now()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
        }
    }

    @Test
    void mainLaunchesTheDemoAppFromSystemProperties() {
        System.setProperty("tiktok.sandbox.auth-port", "0");
        System.setProperty("tiktok.sandbox.api-port", "0");
        System.setProperty("tiktok.sandbox.upload-port", "0");
        System.setProperty("tiktok.client-key", "launcher-key");
        System.setProperty("tiktok.redirect-uri", "http://localhost:1/a, http://localhost:1/b");
        try (TikTokSandbox sandbox = SandboxMain.launch()) {
            SandboxApp app = sandbox.app("launcher-key").orElseThrow();
            assertThat(app.clientSecret()).isEqualTo("tiktimer-local-secret");
            assertThat(app.redirectUris()).containsExactly("http://localhost:1/a", "http://localhost:1/b");
            assertThat(sandbox.creators()).extracting(SandboxCreator::openId).contains(DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
            assertThat(new SandboxClient(sandbox).get(sandbox.apiBaseUrl() + "/sandbox/admin/state").status()).isEqualTo(200);
        } finally {
            for (String name : new String[] {"tiktok.sandbox.auth-port", "tiktok.sandbox.api-port", "tiktok.sandbox.upload-port",
                    "tiktok.client-key", "tiktok.redirect-uri"}) {
                System.clearProperty(name);
            }
        }
    }
}
