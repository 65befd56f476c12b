package io.tiktimer.publisher.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;

import java.util.Map;

/**
 * The public media address TikTok pulls photos from ({@code MEDIA_PUBLIC_BASE_URL}), verified for the test app at the
 * sandbox the way a URL prefix is verified in TikTok's developer portal. The sandbox checks the URLs (https, a domain,
 * the verified prefix) but never downloads them, so no server has to answer at this address.
 */
public class PublicMediaResource implements QuarkusTestResourceLifecycleManager {
    public static final String BASE_URL = "https://media.tiktimer.test/";

    @Override
    public Map<String, String> start() {
        TikTokSandboxResource.sandbox();
        TikTokSandboxResource.app().verifiedUrlPrefix(BASE_URL);
        return Map.of("publisher.media.public-base-url", BASE_URL);
    }

    @Override
    public void stop() {
        // the verified prefix stays with the app, like the sandbox itself
    }
}
