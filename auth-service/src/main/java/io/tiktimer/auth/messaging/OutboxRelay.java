package io.tiktimer.auth.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tiktimer.auth.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Publishes outbox rows to Kafka and deletes them only after the broker acknowledged them (idempotent producer,
 * {@code acks=all}: see the {@code outbox} channel in application.properties). Rows are claimed with
 * {@code for update skip locked}, so replicas relay side by side; a crash between the broker's ack and the delete
 * re-sends the row, which consumers absorb by {@code eventId}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> emitter;

    public OutboxRelay(OutboxRepository outbox, @Channel("outbox") MutinyEmitter<String> emitter) {
        this.outbox = outbox;
        this.emitter = emitter;
    }

    @Scheduled(every = "${auth.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            // the rows stay in the outbox and the next run retries them
            LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage());
        }
    }

    private int relayBatch() {
        List<OutboxRepository.Row> rows = outbox.lockBatch(BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = rows.stream()
                .map(row -> emitter.sendMessage(Message.of(row.payload()).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withTopic(row.topic()).withKey(row.key()).build())))
                .toList();
        Uni.join().all(acks).andFailFast().await().atMost(SEND_TIMEOUT);
        outbox.delete(rows.stream().map(OutboxRepository.Row::id).toList());
        LOG.debugf("Relayed %d outbox event(s)", rows.size());
        return rows.size();
    }
}
