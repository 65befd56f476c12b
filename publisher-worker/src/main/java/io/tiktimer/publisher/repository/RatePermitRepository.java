package io.tiktimer.publisher.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** Calls granted per TikTok account and endpoint (see {@code RateLimiter}). */
@ApplicationScoped
public class RatePermitRepository {

    private final EntityManager em;

    public RatePermitRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises permit decisions for one account and endpoint across all worker instances until commit. */
    public void lock(long accountId, String endpoint) {
        em.createNativeQuery("select pg_advisory_xact_lock(:k1, :k2)")
                .setParameter("k1", (int) (accountId ^ (accountId >>> 32)))
                .setParameter("k2", endpoint.hashCode())
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    public List<Instant> grantedSince(long accountId, String endpoint, Instant since) {
        List<Object> rows = em.createNativeQuery("""
                select granted_at from rate_permit
                 where account_id = :account and endpoint = :endpoint and granted_at > :since
                 order by granted_at""")
                .setParameter("account", accountId)
                .setParameter("endpoint", endpoint)
                .setParameter("since", since)
                .getResultList();
        return rows.stream().map(PublishAttemptRepository::toInstant).toList();
    }

    public void grant(long accountId, String endpoint, Instant at) {
        em.createNativeQuery("insert into rate_permit (account_id, endpoint, granted_at) values (:a, :e, :t)")
                .setParameter("a", accountId)
                .setParameter("e", endpoint)
                .setParameter("t", at)
                .executeUpdate();
    }

    public int deleteOlderThan(Instant cutoff) {
        return em.createNativeQuery("delete from rate_permit where granted_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
