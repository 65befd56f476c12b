package io.tiktimer.publisher.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Ids of consumed events; written in the same transaction as the effect of the event. */
@ApplicationScoped
public class ConsumedEventRepository {

    private final EntityManager em;

    public ConsumedEventRepository(EntityManager em) {
        this.em = em;
    }

    /** True when the id was new; false when this event was consumed before. */
    public boolean markConsumed(UUID eventId, String type) {
        return em.createNativeQuery("""
                insert into consumed_event (event_id, event_type) values (:id, :type)
                on conflict (event_id) do nothing""")
                .setParameter("id", eventId)
                .setParameter("type", type)
                .executeUpdate() == 1;
    }
}
