package io.tiktimer.post.service;

import io.quarkus.scheduler.Scheduled;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.post.client.MediaStorageClient;
import io.tiktimer.servicekit.messaging.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/** Erases a deleted user's data: S3 objects first (idempotent), then the rows, with the consumed-event mark. */
@ApplicationScoped
public class UserDataService {

    private static final Logger LOG = Logger.getLogger(UserDataService.class);

    private final MediaStorageClient storage;
    private final Inbox inbox;
    private final EntityManager em;

    public UserDataService(MediaStorageClient storage, Inbox inbox, EntityManager em) {
        this.storage = storage;
        this.inbox = inbox;
        this.em = em;
    }

    /**
     * Objects are deleted before the transaction commits: if the commit then fails, the redelivered event deletes
     * nothing new in S3 and retries the rows. The other order could leave objects nobody knows about.
     */
    @Transactional
    public void onUserDeleted(UserDeleted e) {
        if (!inbox.firstDelivery(e)) {
            return;
        }
        em.createNativeQuery("insert into deleted_user (user_id) values (?1) on conflict do nothing")
                .setParameter(1, e.userId()).executeUpdate();
        erase(e.userId());
    }

    /**
     * A request whose token was verified just before the deletion (every service refuses the user's tokens moments
     * after it, see sessions.revoked) may still store a post or media after the clean-up ran: each sweep erases what
     * recently deleted users still have, until no such request can be in flight.
     */
    @Scheduled(every = "${post.deleted-users.sweep-interval}", delayed = "${post.deleted-users.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void sweepLateArrivals() {
        em.createNativeQuery("delete from deleted_user where deleted_at < now() - interval '1 hour'").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> leftovers = em.createNativeQuery("select d.user_id from deleted_user d where exists "
                + "(select 1 from post p where p.user_id = d.user_id) or exists "
                + "(select 1 from media m where m.user_id = d.user_id) or exists "
                + "(select 1 from tiktok_account a where a.user_id = d.user_id)").getResultList();
        for (Number user : leftovers) {
            LOG.infof("Erasing data user %d stored after deleting the account", user.longValue());
            erase(user.longValue());
        }
    }

    private void erase(long userId) {
        storage.deletePrefix(MediaService.userPrefix(userId));
        em.createNativeQuery("delete from post where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from media where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from tiktok_account where user_id = ?1").setParameter(1, userId).executeUpdate();
    }
}
