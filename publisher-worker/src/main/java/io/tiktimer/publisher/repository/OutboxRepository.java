package io.tiktimer.publisher.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox, through plain SQL: rows are written and read as JSON text and never need to be entities.
 */
@ApplicationScoped
public class OutboxRepository {

    private final EntityManager em;

    public OutboxRepository(EntityManager em) {
        this.em = em;
    }

    public record Row(UUID id, String topic, String kafkaKey, String payload) {
    }

    /** Queues an event; queuing the same event id twice (a re-send after redelivery) is a no-op while it waits. */
    public void enqueue(UUID id, String topic, String key, String payload, Instant at) {
        em.createNativeQuery("""
                insert into outbox_event (id, topic, kafka_key, payload, created_at)
                values (:id, :topic, :key, cast(:payload as jsonb), :at)
                on conflict (id) do nothing""")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("payload", payload)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** The oldest waiting events, locked so that concurrent relays never send the same row. */
    @SuppressWarnings("unchecked")
    public List<Row> lockOldest(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, topic, kafka_key, payload::text from outbox_event
                 order by created_at, id limit :limit for update skip locked""")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    public void delete(List<UUID> ids) {
        em.createNativeQuery("delete from outbox_event where id in (:ids)").setParameter("ids", ids).executeUpdate();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue();
    }
}
