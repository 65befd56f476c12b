package io.tiktimer.post.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

@ApplicationScoped
public class ConsumedEventRepository {

    private final EntityManager em;

    public ConsumedEventRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event in the caller's transaction. False if it was already recorded: a redelivery, whose effect is
     * already committed. Concurrent duplicates serialise on the primary key.
     */
    public boolean markConsumed(UUID eventId, String type) {
        return em.createNativeQuery("insert into consumed_event (event_id, event_type) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, type).executeUpdate() == 1;
    }
}
