package io.tiktimer.servicekit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiktimer.contracts.SessionsRevoked;
import io.tiktimer.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@value Topics#SESSIONS_REVOKED} whole, on every replica, into {@link RevokedSessions}. A consumer group would
 * hand each revocation to one replica only, while every replica verifies tokens itself; so this is a plain
 * {@link KafkaConsumer} that assigns itself every partition and starts as far back as a revoked token could still be
 * unexpired (SmallRye Reactive Messaging has no group-less broadcast mode). Nothing is committed: each start re-reads
 * that window.
 */
@ApplicationScoped
public class SessionsRevokedReader {

    private static final Logger LOG = Logger.getLogger(SessionsRevokedReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final RevokedSessions revoked;
    private final ObjectMapper json;
    private final Optional<String> bootstrapServers;
    private final Duration retention;
    private final boolean enabled;
    private final String clientId;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    SessionsRevokedReader(RevokedSessions revoked, ObjectMapper json,
                          @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers,
                          @ConfigProperty(name = "tiktimer.jwt.revocation.retention", defaultValue = "PT35M")
                          Duration retention,
                          @ConfigProperty(name = "tiktimer.jwt.revocation.enabled", defaultValue = "true")
                          boolean enabled,
                          @ConfigProperty(name = "quarkus.application.name", defaultValue = "service") String app) {
        this.revoked = revoked;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.retention = retention;
        this.enabled = enabled;
        this.clientId = app + "-sessions-revoked";
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        if (bootstrapServers.isEmpty()) {
            LOG.warn("kafka.bootstrap.servers is not set: revoked sessions are not refused");
            return;
        }
        running = true;
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /**
     * Reads until stopped. Kafka being away (at start, or a broker restarting) must not end it: a replica that stopped
     * reading would accept revoked tokens until it restarts. So each failure is followed, after a backoff, by a new
     * consumer that reads the whole retention window again (applying a revocation twice changes nothing).
     */
    private void run() {
        long pause = INITIAL_BACKOFF.toMillis();
        while (running) {
            try {
                read();
                return;
            } catch (WakeupException stopping) {
                return; // stop() woke the poll up
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never silent: until the next read catches up, revocations made meanwhile are not refused here.
                LOG.warnf("Reading %s failed (%s); reading it again in %d ms, until then new revocations are not "
                        + "refused", Topics.SESSIONS_REVOKED, e.toString(), pause);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, MAX_BACKOFF.toMillis());
        }
    }

    private void read() throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props)) {
            consumer = kafka;
            while (running && !assign(kafka)) {
                Thread.sleep(POLL.toMillis());
            }
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    apply(record.value());
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** False while the topic does not exist yet (auth-service creates it with its first revocation). */
    private boolean assign(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> partitions = kafka.partitionsFor(Topics.SESSIONS_REVOKED, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> all = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        kafka.assign(all);
        long since = Instant.now().minus(retention).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        all.forEach(p -> times.put(p, since));
        // The end offsets are taken before the search by time: a partition with nothing recent is read from where its
        // end was then, so a revocation written meanwhile is read too (seekToEnd, resolved later, could skip it).
        Map<TopicPartition, Long> ends = kafka.endOffsets(all);
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(times);
        for (TopicPartition partition : all) {
            OffsetAndTimestamp offset = offsets.get(partition);
            kafka.seek(partition, offset == null ? ends.get(partition) : offset.offset());
        }
        LOG.infof("Reading %s from %s (%d partitions)", Topics.SESSIONS_REVOKED, Instant.ofEpochMilli(since),
                all.size());
        return true;
    }

    private void apply(String payload) {
        try {
            SessionsRevoked event = json.readValue(payload, SessionsRevoked.class);
            if (SessionsRevoked.TYPE.equals(event.type())) {
                revoked.apply(event);
            }
        } catch (Exception e) {
            LOG.warnf("Skipping an unreadable %s record: %s", Topics.SESSIONS_REVOKED, e.getClass().getSimpleName());
        }
    }
}
