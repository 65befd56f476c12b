package io.tiktimer.auth;

import io.tiktimer.devstack.testing.KafkaResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What auth-service's outbox relay put on the real broker. */
final class Published {

    private Published() {
    }

    /** The first record on {@code topic} with {@code key} whose value satisfies {@code matches}, within 60 s. */
    static ConsumerRecord<String, String> await(String topic, long key, Predicate<String> matches) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "auth-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (String.valueOf(key).equals(record.key()) && matches.test(record.value())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching " + topic + " record for " + key + " within 60 s");
    }
}
