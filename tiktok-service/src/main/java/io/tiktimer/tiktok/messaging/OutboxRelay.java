package io.tiktimer.tiktok.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.tiktimer.tiktok.OutboxEvent;
import io.tiktimer.tiktok.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Publishes outbox rows to Kafka and deletes them only after the broker acknowledged (the channel is configured with
 * an idempotent producer and {@code acks=all}). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number
 * of replicas can run the relay. A failed send rolls the batch back; the rows are sent again on the next run, which
 * consumers absorb by eventId.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final OutboxRepository outbox;

    // Field injection: Quarkus Messaging wires emitters only from field injection points at build time.
    @Inject
    @Channel("tiktok-account-out")
    MutinyEmitter<String> emitter;

    public OutboxRelay(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Scheduled(identity = "outbox-relay", every = "${tiktok.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void relay() {
        List<OutboxEvent> batch = outbox.claimBatch(BATCH);
        for (OutboxEvent row : batch) {
            Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic).withKey(row.kafkaKey).build());
            try {
                emitter.sendMessageAndAwait(message);
            } catch (RuntimeException e) {
                LOG.warnf("Outbox event %s to %s not acknowledged (%s); will retry", row.id, row.topic, e.getMessage());
                throw e;
            }
            outbox.delete(row);
        }
    }
}
