package io.tiktimer.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tiktimer.auth.UserSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class UserSessionRepository implements PanacheRepositoryBase<UserSession, UUID> {

    public int revoke(UUID sessionId, Instant now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, sessionId);
    }

    public java.util.List<UUID> activeOfUserExcept(long userId, UUID keep) {
        return getEntityManager().createQuery("select s.id from UserSession s where s.userId = ?1 and s.id <> ?2 "
                + "and s.revokedAt is null", UUID.class).setParameter(1, userId).setParameter(2, keep).getResultList();
    }

    public int revokeAllOfUserExcept(long userId, UUID keep, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and id <> ?3 and revokedAt is null", now, userId, keep);
    }

    /**
     * Sessions revoked before the cut-off, or older than it with no refresh token left (all expired and purged), have
     * no use left: every access token naming them has expired.
     */
    public long deleteDeadBefore(Instant cutOff) {
        // a full query with an alias: the correlated subquery must name the outer row, and Panache's short form
        // ("revokedAt < ?1 …") has no alias to name it by
        return delete("from UserSession s where s.revokedAt < ?1 or (s.createdAt < ?1 and not exists "
                + "(select 1 from RefreshToken t where t.sessionId = s.id))", cutOff);
    }
}
