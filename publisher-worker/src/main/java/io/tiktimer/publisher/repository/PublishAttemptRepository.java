package io.tiktimer.publisher.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.publisher.PublishAttempt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PublishAttemptRepository implements PanacheRepository<PublishAttempt> {

    public Optional<PublishAttempt> findByPostAndAttempt(long postId, int attempt) {
        return find("postId = ?1 and attempt = ?2", postId, attempt).firstResultOptional();
    }

    /**
     * Leases up to {@code limit} runnable attempts to {@code owner}. {@code SKIP LOCKED} lets any number of worker
     * instances claim concurrently without ever handing one attempt to two of them.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimRunnable(String owner, Instant now, Instant leaseUntil, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                select id from publish_attempt
                 where (state in ('RECEIVED', 'INIT_SENDING', 'UPLOADING', 'PROCESSING') or late_check_until is not null)
                   and next_run_at <= :now
                   and (lease_until is null or lease_until < :now)
                 order by next_run_at
                 limit :limit
                 for update skip locked""")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        if (!claimed.isEmpty()) {
            update("leaseOwner = ?1, leaseUntil = ?2 where id in ?3", owner, leaseUntil, claimed);
        }
        return claimed;
    }

    /** Counts this account's inits that TikTok may have accepted since {@code since} in one mode (for its daily caps). */
    public CapUsage capUsage(long accountId, String mode, Instant since) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                select count(*), min(init_started_at) from publish_attempt
                 where tiktok_account_id = :account and mode = :mode and init_started_at > :since
                   and (publish_id is not null or state in ('INIT_SENDING', 'UNCONFIRMED'))""")
                .setParameter("account", accountId)
                .setParameter("mode", mode)
                .setParameter("since", since)
                .getSingleResult();
        Instant oldest = row[1] == null ? null : toInstant(row[1]);
        return new CapUsage(((Number) row[0]).intValue(), oldest);
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    public record CapUsage(int used, Instant oldest) {
    }
}
