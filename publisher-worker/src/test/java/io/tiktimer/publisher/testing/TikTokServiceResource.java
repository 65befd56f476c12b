package io.tiktimer.publisher.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code @QuarkusTestResource(TikTokServiceResource.class)}: the worker under test gets its access tokens from the
 * real tiktok-service ({@link TikTokServiceProcess}), started once per test JVM on the same PostgreSQL, Kafka, JWT
 * issuer and TikTok sandbox as the worker, and shared by every test class (like devstack's resources), so its
 * start-up is paid once. It is stopped when the JVM exits; its log is {@code target/tiktok-service.log}.
 */
public class TikTokServiceResource implements QuarkusTestResourceLifecycleManager {
    private static TikTokServiceProcess shared;

    public static synchronized TikTokServiceProcess tiktokService() {
        if (shared == null) {
            Map<String, String> postgres = new PostgresResource().start();
            TikTokServiceProcess started = TikTokServiceProcess.start(postgres.get("quarkus.datasource.jdbc.url"),
                    postgres.get("quarkus.datasource.username"), postgres.get("quarkus.datasource.password"),
                    KafkaResource.bootstrapServers(), JwtResource.issuer(), TikTokSandboxResource.sandbox(),
                    Path.of("target", "tiktok-service.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tiktok-service-shutdown"));
            shared = started;
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.tiktok-service.url", tiktokService().baseUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at JVM exit
    }
}
