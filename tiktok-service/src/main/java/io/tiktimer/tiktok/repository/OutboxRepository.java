package io.tiktimer.tiktok.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.tiktimer.tiktok.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    private static final int SKIP_LOCKED = -2;

    /** Oldest first; rows another relay replica is sending are skipped rather than sent twice in parallel. */
    public List<OutboxEvent> claimBatch(int size) {
        return findAll(Sort.by("createdAt").and("id")).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).page(0, size).list();
    }
}
