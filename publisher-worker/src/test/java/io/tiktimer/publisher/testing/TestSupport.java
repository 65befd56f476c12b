package io.tiktimer.publisher.testing;

import io.tiktimer.devstack.testing.KafkaResource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What every publisher test needs: the outcome recorder and a patient await. */
public final class TestSupport {
    public static final String BUCKET = "tiktimer-media";
    private static Kafka kafka;

    private TestSupport() {
    }

    public static synchronized Kafka kafka() {
        if (kafka == null) {
            kafka = new Kafka(KafkaResource.bootstrapServers());
        }
        return kafka;
    }

    public static ConditionFactory await(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100));
    }

    /** The first event of {@code type} for the post, once it arrived. */
    public static Kafka.Received awaitEvent(long postId, String type, Duration atMost) {
        return await(atMost).until(() -> first(postId, type), Optional::isPresent).orElseThrow();
    }

    public static Optional<Kafka.Received> first(long postId, String type) {
        return kafka().forPost(postId).stream().filter(r -> r.type().equals(type)).findFirst();
    }

    public static List<Kafka.Received> events(long postId, String type) {
        return kafka().forPost(postId).stream().filter(r -> r.type().equals(type)).toList();
    }
}
