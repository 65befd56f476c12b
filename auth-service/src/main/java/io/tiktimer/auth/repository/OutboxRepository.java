package io.tiktimer.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox. Native SQL: the payload column is {@code jsonb} and the relay needs
 * {@code for update skip locked} so several replicas can relay without sending a row twice at the same time.
 */
@ApplicationScoped
public class OutboxRepository {

    private final EntityManager em;

    public OutboxRepository(EntityManager em) {
        this.em = em;
    }

    public record Row(UUID id, String topic, String key, String payload) {
    }

    public void insert(UUID id, String topic, String key, String payloadJson) {
        em.createNativeQuery("insert into outbox_event (id, topic, kafka_key, payload) "
                        + "values (:id, :topic, :key, cast(:payload as jsonb))")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("payload", payloadJson)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Row> lockBatch(int limit) {
        List<Object[]> rows = em.createNativeQuery("select id, topic, kafka_key, payload::text from outbox_event "
                        + "order by created_at limit :limit for update skip locked")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    public void delete(List<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("delete from outbox_event where id in (:ids)").setParameter("ids", ids).executeUpdate();
        }
    }
}
