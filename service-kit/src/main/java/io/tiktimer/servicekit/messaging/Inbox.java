package io.tiktimer.servicekit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tiktimer.contracts.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consumed-event store, the same in every service: the ids of events whose effect has committed, written in the
 * same transaction as that effect. Kafka delivers at least once and the outbox relay may send an event twice; the
 * second copy finds its id here and is skipped. Counted as {@code tiktimer_events_consumed_total{type, result}} with
 * {@code result} {@code applied} or {@code duplicate}; counted when the mark is written, so a
 * transaction that then rolls back (and is retried) counts again.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final MeterRegistry metrics;

    public Inbox(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    /**
     * Records the event in the current transaction. False if it was already recorded: a redelivery, whose effect is
     * already committed. The insert itself decides, so two consumers racing on one event cannot both proceed: the
     * second waits on the key and then inserts nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(Event event) {
        boolean first = em.createNativeQuery("insert into consumed_event (event_id, event_type) values (?1, ?2) "
                        + "on conflict (event_id) do nothing")
                .setParameter(1, event.eventId()).setParameter(2, event.type()).executeUpdate() == 1;
        Counter.builder("tiktimer.events.consumed").tag("type", event.type()).tag("result", first ? "applied" : "duplicate")
                .description("Events handed to a consumer, first deliveries and redeliveries").register(metrics)
                .increment();
        return first;
    }
}
