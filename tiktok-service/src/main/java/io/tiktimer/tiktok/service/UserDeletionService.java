package io.tiktimer.tiktok.service;

import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.servicekit.messaging.Inbox;
import io.tiktimer.tiktok.repository.OAuthStateRepository;
import io.tiktimer.tiktok.repository.TikTokAccountRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/** {@code user.deleted}: revoke every account of the user at TikTok and erase them, exactly once per event. */
@ApplicationScoped
public class UserDeletionService {

    private static final Logger LOG = Logger.getLogger(UserDeletionService.class);

    private final Inbox inbox;
    private final TikTokAccountRepository accounts;
    private final OAuthStateRepository states;
    private final AccountService accountService;
    private final Clock clock;

    public UserDeletionService(Inbox inbox, TikTokAccountRepository accounts,
                               OAuthStateRepository states, AccountService accountService, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.states = states;
        this.accountService = accountService;
        this.clock = clock;
    }

    /** One transaction: the inbox row, the deletions and their outbox events commit together or not at all. */
    @Transactional
    public void handle(UserDeleted event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("user.deleted %s already handled", event.eventId());
            return;
        }
        accounts.getEntityManager().createNativeQuery(
                        "insert into {h-schema}deleted_user (user_id) values (?1) on conflict do nothing")
                .setParameter(1, event.userId()).executeUpdate();
        LOG.infof("Erased %d TikTok account(s) of deleted user %d", erase(event.userId()), event.userId());
    }

    /**
     * A request whose token was verified just before the deletion (tokens are refused everywhere moments after it,
     * see sessions.revoked) may still finish connecting an account after the clean-up: each sweep revokes and erases
     * what recently deleted users still have, until no such request can be in flight.
     */
    @Scheduled(every = "${tiktok.deleted-users.sweep-interval}", delayed = "${tiktok.deleted-users.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void sweepLateArrivals() {
        var em = accounts.getEntityManager();
        em.createNativeQuery("delete from {h-schema}deleted_user where deleted_at < now() - interval '1 hour'")
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> leftovers = em.createNativeQuery("select d.user_id from {h-schema}deleted_user d where exists "
                + "(select 1 from {h-schema}tiktok_account a where a.user_id = d.user_id)").getResultList();
        for (Number user : leftovers) {
            LOG.infof("Erased %d TikTok account(s) user %d connected after deleting the account",
                    erase(user.longValue()), user.longValue());
        }
    }

    private int erase(long userId) {
        var all = accounts.lockAllOfUser(userId);
        all.forEach(accountService::revokeAndDelete);
        states.deleteOfUser(userId);
        return all.size();
    }
}
