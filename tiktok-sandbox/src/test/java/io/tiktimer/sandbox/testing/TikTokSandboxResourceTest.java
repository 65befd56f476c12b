package io.tiktimer.sandbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.TikTokSandbox;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TikTokSandboxResourceTest {

    static class SomeQuarkusTest {
        @InjectTikTokSandbox
        TikTokSandbox sandbox;

        TikTokSandbox notAnnotated;
    }

    @Test
    void startReturnsTheTikTokConfigOfOneSharedSandbox() throws Exception {
        TikTokSandboxResource resource = new TikTokSandboxResource();
        resource.init(Map.of("redirect-uri", "http://localhost:9999/callback"));
        Map<String, String> config = resource.start();

        assertThat(config).containsOnlyKeys("tiktok.auth-base-url", "tiktok.api-base-url", "tiktok.client-key",
                "tiktok.client-secret", "tiktok.redirect-uri");
        assertThat(config.get("tiktok.api-base-url")).startsWith("http://127.0.0.1:");
        assertThat(config).containsEntry("tiktok.redirect-uri", "http://localhost:9999/callback");

        TikTokSandbox sandbox = TikTokSandboxResource.sandbox();
        URI callback = sandbox.authorize(sandbox.authorizeUrl(config.get("tiktok.client-key"), config.get("tiktok.redirect-uri"),
                "user.info.basic,video.publish", "s"), ConsentDecision.approveAs(TikTokSandboxResource.PUBLIC_CREATOR_OPEN_ID));
        assertThat(callback.toString()).startsWith("http://localhost:9999/callback?code=");

        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(config.get("tiktok.api-base-url") + "/v2/oauth/token/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_key=" + config.get("tiktok.client-key") + "&client_secret="
                        + config.get("tiktok.client-secret") + "&grant_type=authorization_code&redirect_uri="
                        + java.net.URLEncoder.encode(config.get("tiktok.redirect-uri"), "UTF-8") + "&code="
                        + callback.getQuery().replaceAll(".*code=([^&]+).*", "$1"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.body()).contains("\"access_token\":\"act.");

        TikTokSandboxResource second = new TikTokSandboxResource();
        second.init(Map.of());
        assertThat(second.start().get("tiktok.api-base-url")).as("one sandbox per JVM").isEqualTo(config.get("tiktok.api-base-url"));
        assertThat(TikTokSandboxResource.app().redirectUris()).contains("http://localhost:9999/callback",
                TikTokSandboxResource.DEFAULT_REDIRECT_URI);
    }

    @Test
    void injectsIntoAnnotatedFieldsOnly() {
        SomeQuarkusTest test = new SomeQuarkusTest();
        new TikTokSandboxResource().inject(new TestInjector() {
            @Override
            public void injectIntoFields(Object value, Predicate<Field> predicate) {
                for (Field field : SomeQuarkusTest.class.getDeclaredFields()) {
                    if (predicate.test(field)) {
                        try {
                            field.set(test, value);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        });
        assertThat(test.sandbox).isSameAs(TikTokSandboxResource.sandbox());
        assertThat(test.notAnnotated).isNull();
    }

    @Test
    void stopClearsFaultsButKeepsTheSandboxRunning() {
        TikTokSandbox sandbox = TikTokSandboxResource.sandbox();
        sandbox.faults().failNext(io.tiktimer.sandbox.SandboxEndpoint.VIDEO_INIT, 1, io.tiktimer.sandbox.Fault.serverError(500));
        new TikTokSandboxResource().stop();
        assertThat(sandbox.faults().pending()).isEmpty();
        assertThat(TikTokSandboxResource.sandbox()).isSameAs(sandbox);
    }
}
