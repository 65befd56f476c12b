package io.tiktimer.tiktok.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tiktimer.tiktok.ConsumedEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ConsumedEventRepository implements PanacheRepositoryBase<ConsumedEvent, UUID> {

    /**
     * Records the event unless it is already there; {@code false} means a redelivery. The insert itself takes the
     * decision, so two consumers racing on one event cannot both proceed: the loser waits on the key and gets 0 rows.
     */
    public boolean markConsumed(UUID eventId, String eventType, Instant now) {
        int inserted = getEntityManager().createNativeQuery(
                        "insert into {h-schema}consumed_event (event_id, event_type, consumed_at) values (?1, ?2, ?3) "
                                + "on conflict (event_id) do nothing")
                .setParameter(1, eventId).setParameter(2, eventType).setParameter(3, now).executeUpdate();
        return inserted == 1;
    }
}
