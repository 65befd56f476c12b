package io.tiktimer.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** {@code @QuarkusTestResource(KafkaResource.class)}: a real Kafka broker for the service under test. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** The broker's address, for tests that produce or consume with their own Kafka clients. */
    public static String bootstrapServers() {
        return SharedInfrastructure.kafka().bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped at JVM exit
    }
}
