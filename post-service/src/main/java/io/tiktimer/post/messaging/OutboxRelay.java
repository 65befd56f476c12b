package io.tiktimer.post.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tiktimer.post.config.PostConfig;
import io.tiktimer.post.service.Wakeup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes outbox rows to Kafka and deletes each row only after the broker acknowledged it. Delivery is
 * at-least-once: a crash after the send and before the delete sends the row again, and consumers drop the duplicate
 * by {@code eventId}.
 * <p>
 * A plain {@link KafkaProducer} rather than a SmallRye {@code Emitter}: the relay needs to send a whole batch, wait
 * for the per-record acknowledgements and then delete exactly the acknowledged rows in one statement. The Emitter
 * acknowledges one message at a time through Uni/CompletionStage callbacks and gives no flush, which made batching
 * plus "delete only what was acked" awkward and slower. The producer is configured from the same
 * {@code default-kafka-broker} settings the messaging extension uses, with idempotence and {@code acks=all}.
 * <p>
 * Rows are taken with {@code FOR UPDATE SKIP LOCKED} and held until their acks arrive, so relays on several replicas
 * never send the same row concurrently.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final PostConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(DataSource dataSource, PostConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay thread with a new producer. Used at start-up and to resume after {@link #stop()}. */
    public synchronized void start() {
        if (running) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "post-service-outbox-relay-" + UUID.randomUUID());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        running = true;
        thread = new Thread(this::loop, "post-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the relay and closes its producer at once, as a crash would: rows not yet deleted stay in the outbox and
     * are sent by the next {@link #start()} (here or on another replica).
     */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    public void wakeUp() {
        wakeup.signal();
    }

    private void loop() {
        long idle = config.relay().idlePoll().toMillis();
        while (running) {
            try {
                int sent = relayOnce();
                if (sent < config.relay().batchSize()) {
                    wakeup.await(idle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Outbox relay pass failed, rows stay in the outbox and are retried: %s", e.getMessage());
                try {
                    wakeup.await(idle);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends one batch and deletes the rows the broker acknowledged. Returns the number of rows taken. */
    int relayOnce() throws SQLException, InterruptedException {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // The relay's only write is deleting sent rows. Losing that delete in a crash just re-sends rows whose
                // duplicates consumers drop by eventId, so this transaction need not wait for the WAL flush; the
                // claim transaction that creates the rows stays fully synchronous.
                try (PreparedStatement async = c.prepareStatement("set local synchronous_commit = off")) {
                    async.execute();
                }
                List<UUID> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select id, topic, kafka_key, payload::text from outbox_event "
                        + "order by created_at, id limit ? for update skip locked")) {
                    ps.setInt(1, config.relay().batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add((UUID) rs.getObject(1));
                            acks.add(p.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return 0;
                }
                p.flush();
                List<UUID> acked = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    try {
                        acks.get(i).get();
                        acked.add(ids.get(i));
                    } catch (ExecutionException e) {
                        LOG.warnf("Kafka did not acknowledge outbox event %s; it stays for the next pass: %s", ids.get(i),
                                e.getCause().getMessage());
                    }
                }
                if (!running) {
                    // stopped (or crashing) mid-batch: keep every row; what was sent is re-sent and de-duplicated downstream
                    c.rollback();
                    return 0;
                }
                try (PreparedStatement del = c.prepareStatement("delete from outbox_event where id = any(?)")) {
                    del.setArray(1, c.createArrayOf("uuid", acked.toArray()));
                    del.executeUpdate();
                }
                c.commit();
                return ids.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
