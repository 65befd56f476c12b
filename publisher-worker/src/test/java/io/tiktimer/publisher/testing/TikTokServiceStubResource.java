package io.tiktimer.publisher.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;

import java.util.Map;

/** One {@link TikTokServiceStub} per test JVM, wired in as {@code TIKTOK_SERVICE_URL}. */
public class TikTokServiceStubResource implements QuarkusTestResourceLifecycleManager {
    private static TikTokServiceStub stub;

    public static synchronized TikTokServiceStub stub() {
        if (stub == null) {
            stub = TikTokServiceStub.start(TikTokSandboxResource.sandbox());
        }
        return stub;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.tiktok-service.url", stub().baseUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM
    }
}
