package io.tiktimer.tiktok.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tiktimer.tiktok.ConnectionStatus;
import io.tiktimer.tiktok.TikTokAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TikTokAccountRepository implements PanacheRepository<TikTokAccount> {

    /** Hibernate's value for "SKIP LOCKED" in {@code jakarta.persistence.lock.timeout}. */
    private static final int SKIP_LOCKED = -2;

    public List<TikTokAccount> listOfUser(long userId) {
        return list("userId", Sort.by("id"), userId);
    }

    public Optional<TikTokAccount> findOfUser(long accountId, long userId) {
        return find("id = ?1 and userId = ?2", accountId, userId).firstResultOptional();
    }

    /**
     * {@code SELECT ... FOR UPDATE} on the account row: the lock that serializes token refreshes across threads and
     * replicas. Whoever waits re-reads the row after the holder committed and sees the refreshed tokens.
     */
    public Optional<TikTokAccount> lockOfUser(long accountId, long userId) {
        return find("id = ?1 and userId = ?2", accountId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Like {@link #lockOfUser} but gives up at once when another transaction holds the row (background jobs). */
    public Optional<TikTokAccount> lockIfFree(long accountId) {
        return find("id", accountId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).firstResultOptional();
    }

    public List<TikTokAccount> lockAllOfUser(long userId) {
        return find("userId", Sort.by("id"), userId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Optional<TikTokAccount> findByOpenId(String openId) {
        return find("openId", openId).firstResultOptional();
    }

    public List<Long> idsDueForRefresh(Instant expiringBefore, int limit) {
        return getEntityManager().createQuery("select a.id from TikTokAccount a where a.status = :status "
                        + "and a.accessTokenExpiresAt < :before order by a.accessTokenExpiresAt", Long.class)
                .setParameter("status", ConnectionStatus.CONNECTED).setParameter("before", expiringBefore)
                .setMaxResults(limit).getResultList();
    }
}
