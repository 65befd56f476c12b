package io.tiktimer.servicekit.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tiktimer.servicekit.concurrent.Wakeup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.tiktimer.servicekit.tracing.TraceParent;
import io.tiktimer.servicekit.time.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link Outbox} rows to Kafka and deletes each row only after the broker acknowledged it: at-least-once, and a
 * crash after the send and before the delete sends the row again, which consumers drop by {@code eventId} (the
 * {@link Inbox}). One relay thread per replica; rows are taken with {@code FOR UPDATE SKIP LOCKED} and held until their
 * acknowledgements arrive, so relays on several replicas never send the same row at the same time.
 * <p>
 * A plain {@link KafkaProducer} rather than a SmallRye {@code Emitter}: the relay sends a whole batch, flushes, waits
 * for the per-record acknowledgements and deletes exactly the acknowledged rows in one statement. The Emitter
 * acknowledges one message at a time through callbacks and has no flush, which made "delete only what was acked"
 * awkward and slower. The producer takes the messaging extension's {@code default-kafka-broker} settings (bootstrap
 * servers, TLS, SASL) and adds idempotence and {@code acks=all}.
 * <p>
 * While PostgreSQL or Kafka is away the relay backs off (500 ms doubling to 10 s) and logs the outage once, not every
 * pass; it logs again when it sends again.
 * <p>
 * Traces: a row written in a trace is sent in a producer span of that trace ({@code send <topic>}), which starts when
 * the row was written and ends when the broker acknowledged it, so a trace shows how long the event waited; the
 * span's context travels in the record's {@code traceparent} header to the consumers.
 * <p>
 * Metrics: {@code tiktimer_outbox_sent_total{topic}}, {@code tiktimer_outbox_failures_total}, and, measured at most
 * every {@value #MEASURE_EVERY_MS} ms by the relay itself (a scrape never queries the database),
 * {@code tiktimer_outbox_backlog} (rows waiting) and {@code tiktimer_outbox_oldest_age_seconds}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Backoff FAILURE_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    private static final long MEASURE_EVERY_MS = 5_000;

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final Wakeup wakeup = new Wakeup();
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final Counter failures;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private long measuredAt;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private int failedPasses;

    public OutboxRelay(DataSource dataSource, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name", defaultValue = "service") String app,
                       MeterRegistry metrics, Tracer tracer) {
        this.dataSource = dataSource;
        this.tracer = tracer;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.clientId = app + "-outbox-relay";
        this.metrics = metrics;
        this.failures = Counter.builder("tiktimer.outbox.failures")
                .description("Relay passes that could not send (PostgreSQL or Kafka away)").register(metrics);
        Gauge.builder("tiktimer.outbox.backlog", backlog, AtomicLong::get)
                .description("Events waiting in the outbox, as last measured by the relay").register(metrics);
        Gauge.builder("tiktimer.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
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
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        running = true;
        thread = new Thread(this::loop, clientId);
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

    /** Sends what is waiting now rather than after the idle poll. */
    public void wakeUp() {
        wakeup.signal();
    }

    private void loop() {
        while (running) {
            try {
                int taken = relayOnce();
                recovered();
                measureBacklog();
                if (taken < config.batchSize()) {
                    wakeup.await(config.idlePoll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                failures.increment();
                if (failedPasses++ == 0) {
                    LOG.warnf("Outbox relay cannot send (%s); rows stay in the outbox and are retried with backoff",
                            e.getMessage());
                }
                // the backlog's age matters most while Kafka is away: keep measuring it (PostgreSQL may be away too)
                try {
                    measureBacklog();
                } catch (SQLException unavailable) {
                    LOG.debugf("Outbox backlog not measured: %s", unavailable.getMessage());
                }
                try {
                    Thread.sleep(FAILURE_BACKOFF.withJitter(failedPasses).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void measureBacklog() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - measuredAt < MEASURE_EVERY_MS) {
            return;
        }
        measuredAt = now;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), coalesce((extract(epoch from "
                     + "clock_timestamp() - min(created_at)) * 1000)::bigint, 0) from outbox_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            backlog.set(rs.getLong(1));
            oldestAgeMillis.set(rs.getLong(2));
        }
    }

    private void recovered() {
        if (failedPasses > 0) {
            LOG.infof("Outbox relay sends again after %d failed pass(es)", failedPasses);
            failedPasses = 0;
        }
    }

    /** Sends one batch and deletes the rows the broker acknowledged. Returns the number of rows taken. */
    int relayOnce() throws SQLException, InterruptedException, TimeoutException {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // The relay's only write is deleting sent rows. Losing that delete in a crash just re-sends rows whose
                // duplicates consumers drop by eventId, so this transaction need not wait for the WAL flush; the
                // transactions that create the rows stay fully synchronous.
                try (PreparedStatement async = c.prepareStatement("set local synchronous_commit = off")) {
                    async.execute();
                }
                List<UUID> ids = new ArrayList<>();
                List<String> topics = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                List<Span> spans = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select id, topic, kafka_key, payload::text, "
                        + "traceparent, created_at from outbox_event order by created_at, id limit ? "
                        + "for update skip locked")) {
                    ps.setInt(1, config.batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add((UUID) rs.getObject(1));
                            String topic = rs.getString(2);
                            topics.add(topic);
                            ProducerRecord<String, String> record =
                                    new ProducerRecord<>(topic, rs.getString(3), rs.getString(4));
                            Span span = sendSpan(topic, rs.getString(5), rs.getTimestamp(6));
                            if (span != null) {
                                TraceParent.inject(Context.root().with(span), record.headers());
                            }
                            spans.add(span);
                            acks.add(p.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return 0;
                }
                p.flush();
                List<UUID> acked;
                try {
                    acked = acknowledged(ids, topics, acks, spans);
                } finally {
                    spans.stream().filter(Objects::nonNull).forEach(s -> s.setStatus(StatusCode.ERROR,
                            "not acknowledged in time").end());
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
                if (acked.size() < ids.size()) {
                    throw new IllegalStateException((ids.size() - acked.size()) + " of " + ids.size()
                            + " event(s) not acknowledged by Kafka");
                }
                return ids.size();
            } catch (SQLException | RuntimeException | InterruptedException | TimeoutException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** A producer span in the row's stored trace, from the row's writing to its acknowledgement; null if untraced. */
    private Span sendSpan(String topic, String traceparent, Timestamp written) {
        if (traceparent == null) {
            return null;
        }
        return tracer.spanBuilder("send " + topic)
                .setParent(TraceParent.parent(traceparent))
                .setSpanKind(SpanKind.PRODUCER)
                .setStartTimestamp(written.toInstant())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
    }

    /** Waits for each record's acknowledgement and ends its span (removing it from {@code spans}). */
    private List<UUID> acknowledged(List<UUID> ids, List<String> topics, List<Future<RecordMetadata>> acks,
                                    List<Span> spans) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<UUID> acked = new ArrayList<>(ids.size());
        Map<String, Integer> sentByTopic = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Span span = spans.get(i);
            try {
                RecordMetadata sent = acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(ids.get(i));
                sentByTopic.merge(topics.get(i), 1, Integer::sum);
                if (span != null) {
                    span.setAttribute("messaging.destination.partition.id", String.valueOf(sent.partition()));
                    span.setAttribute("messaging.kafka.offset", sent.offset());
                    span.end();
                }
            } catch (ExecutionException e) {
                LOG.debugf("Kafka did not acknowledge outbox event %s: %s", ids.get(i), e.getCause().getMessage());
                if (span != null) {
                    span.recordException(e.getCause());
                    span.setStatus(StatusCode.ERROR, "not acknowledged").end();
                }
            }
            spans.set(i, null);
        }
        sentByTopic.forEach((topic, n) -> Counter.builder("tiktimer.outbox.sent").tag("topic", topic)
                .description("Events the broker acknowledged, by topic").register(metrics).increment(n));
        return acked;
    }
}
