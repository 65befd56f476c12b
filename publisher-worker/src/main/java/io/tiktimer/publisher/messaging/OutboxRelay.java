package io.tiktimer.publisher.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tiktimer.publisher.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends outbox rows to Kafka (idempotent producer, acks=all, see application.properties) and deletes them only after
 * the broker acknowledged every one of them. Rows are locked with SKIP LOCKED, so several instances can relay.
 * A crash between send and delete sends again with the same event id, which consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final Emitter<String> emitter;

    public OutboxRelay(OutboxRepository outbox, @Channel("outcomes") Emitter<String> emitter) {
        this.outbox = outbox;
        this.emitter = emitter;
    }

    @Scheduled(every = "${publisher.outbox-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::relayBatch) == BATCH) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    private int relayBatch() throws Exception {
        List<OutboxRepository.Row> rows = outbox.lockOldest(BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxRepository.Row row : rows) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            Message<String> message = Message.of(row.payload())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    })
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(row.topic()).withKey(row.kafkaKey()).build());
            emitter.send(message);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        outbox.delete(rows.stream().map(OutboxRepository.Row::id).toList());
        return rows.size();
    }
}
