package io.tiktimer.post.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.post.TikTokAccount;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TikTokAccountRepository implements PanacheRepository<TikTokAccount> {

    /**
     * Records an account learnt by asking tiktok-service, unless its event got here first. Its {@code last_event_at}
     * is the epoch, so every event about the account, even one older than the answer, still applies.
     */
    public boolean insertIfAbsent(long accountId, long userId, AccountStatus status, java.time.Instant now) {
        return getEntityManager().createNativeQuery("insert into {h-schema}tiktok_account "
                        + "(id, user_id, status, last_event_at, updated_at) values (:id, :user, :status, :epoch, :now) "
                        + "on conflict (id) do nothing")
                .setParameter("id", accountId).setParameter("user", userId).setParameter("status", status.name())
                .setParameter("epoch", java.time.Instant.EPOCH).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * What tiktok-service says now of an account we do know (reconnected, or moved to another user) replaces our copy;
     * events that happened before this answer are older than it and are ignored from now on.
     */
    public boolean updateIfDifferent(long accountId, long userId, AccountStatus status, java.time.Instant now) {
        return getEntityManager().createNativeQuery("update {h-schema}tiktok_account set user_id = :user, "
                        + "status = :status, last_event_at = greatest(last_event_at, :now), updated_at = :now "
                        + "where id = :id and (user_id <> :user or status <> :status)")
                .setParameter("id", accountId).setParameter("user", userId).setParameter("status", status.name())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public List<TikTokAccount> connectedOf(long userId) {
        return list("userId = ?1 and status = ?2 order by id", userId, AccountStatus.CONNECTED);
    }
}
