package io.tiktimer.post.service;

import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.post.client.MediaStorageClient;
import io.tiktimer.post.repository.ConsumedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Erases a deleted user's data: S3 objects first (idempotent), then the rows, with the consumed-event mark. */
@ApplicationScoped
public class UserDataService {

    private final MediaStorageClient storage;
    private final ConsumedEventRepository consumed;
    private final EntityManager em;

    public UserDataService(MediaStorageClient storage, ConsumedEventRepository consumed, EntityManager em) {
        this.storage = storage;
        this.consumed = consumed;
        this.em = em;
    }

    /**
     * Objects are deleted before the transaction commits: if the commit then fails, the redelivered event deletes
     * nothing new in S3 and retries the rows. The other order could leave objects nobody knows about.
     */
    @Transactional
    public void onUserDeleted(UserDeleted e) {
        if (!consumed.markConsumed(e.eventId(), e.type())) {
            return;
        }
        storage.deletePrefix(MediaService.userPrefix(e.userId()));
        em.createNativeQuery("delete from post where user_id = ?1").setParameter(1, e.userId()).executeUpdate();
        em.createNativeQuery("delete from media where user_id = ?1").setParameter(1, e.userId()).executeUpdate();
        em.createNativeQuery("delete from tiktok_account where user_id = ?1").setParameter(1, e.userId()).executeUpdate();
    }
}
