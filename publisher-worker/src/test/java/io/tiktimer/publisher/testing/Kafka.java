package io.tiktimer.publisher.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sends post.due like post-service's relay does, and records every event publisher-worker emits. */
public final class Kafka implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A record publisher-worker sent; {@code traceparent} is its W3C trace header, or null. */
    public record Received(String topic, String key, JsonNode value, String raw, String traceparent) {
        public String type() {
            return value.path("type").asText();
        }

        public long postId() {
            return value.path("postId").asLong();
        }
    }

    private final KafkaProducer<String, String> producer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public Kafka(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "publisher-worker-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.POST_PUBLISHING, Topics.POST_PUBLISHED, Topics.POST_FAILED,
                Topics.deadLetterOf(Topics.POST_DUE, "publisher-worker")));
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        JsonNode value;
                        try {
                            value = JSON.readTree(r.value());
                        } catch (Exception e) {
                            value = JSON.createObjectNode();
                        }
                        Header trace = r.headers().lastHeader("traceparent");
                        received.add(new Received(r.topic(), r.key(), value, r.value(),
                                trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }, "test-outcome-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    public void send(PostDue due) {
        send(due, null);
    }

    /** Sends post.due with a W3C {@code traceparent} header, as post-service's relay does for a traced post. */
    public void send(PostDue due, String traceparent) {
        try {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(Topics.POST_DUE, due.kafkaKey(), JSON.writeValueAsString(due));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.POST_DUE, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> forPost(long postId) {
        return received.stream().filter(r -> r.postId() == postId && !r.topic().endsWith(".dlq")).toList();
    }

    public List<Received> deadLetters() {
        return received.stream().filter(r -> r.topic().endsWith(".dlq")).toList();
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}
