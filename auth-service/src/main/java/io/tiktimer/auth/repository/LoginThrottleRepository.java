package io.tiktimer.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed-login counters in PostgreSQL, so that every replica sees the same counts. Native SQL because the counter
 * update must be one atomic upsert ({@code insert … on conflict do update}), which JPQL cannot express.
 */
@ApplicationScoped
public class LoginThrottleRepository {

    private final EntityManager em;

    public LoginThrottleRepository(EntityManager em) {
        this.em = em;
    }

    /** The latest lock-out still running for any of the keys. */
    public Optional<Instant> lockedUntil(List<String> keys, Instant now) {
        Object result = em.createNativeQuery(
                        "select max(locked_until) from login_throttle where throttle_key in (:keys) and locked_until > :now")
                .setParameter("keys", keys)
                .setParameter("now", Timestamp.from(now))
                .getSingleResult();
        return Optional.ofNullable(toInstant(result));
    }

    /** A counter's value in its current window, and when that window started. */
    public record Count(int count, Instant windowStartedAt) {
    }

    /** Counts one failure (restarting the window if it ran out) and returns the failures in the current window. */
    public int recordFailure(String key, Instant now, Instant windowStartedAfter) {
        return count(key, now, windowStartedAfter).count();
    }

    /** Counts one event under {@code key}, restarting the window if it started before {@code windowStartedAfter}. */
    public Count count(String key, Instant now, Instant windowStartedAfter) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        insert into login_throttle (throttle_key, failures, window_started_at)
                        values (:key, 1, :now)
                        on conflict (throttle_key) do update set
                            failures = case when login_throttle.window_started_at < :windowStart then 1
                                            else login_throttle.failures + 1 end,
                            window_started_at = case when login_throttle.window_started_at < :windowStart then :now
                                                     else login_throttle.window_started_at end
                        returning failures, window_started_at""")
                .setParameter("key", key)
                .setParameter("now", Timestamp.from(now))
                .setParameter("windowStart", Timestamp.from(windowStartedAfter))
                .getSingleResult();
        return new Count(((Number) row[0]).intValue(), toInstant(row[1]));
    }

    public void lockUntil(String key, Instant until) {
        em.createNativeQuery("update login_throttle set locked_until = greatest(coalesce(locked_until, :until), :until) "
                        + "where throttle_key = :key")
                .setParameter("until", Timestamp.from(until))
                .setParameter("key", key)
                .executeUpdate();
    }

    public void clear(List<String> keys) {
        em.createNativeQuery("delete from login_throttle where throttle_key in (:keys)")
                .setParameter("keys", keys)
                .executeUpdate();
    }

    public int deleteStale(Instant windowStartedBefore, Instant now) {
        return em.createNativeQuery("delete from login_throttle where window_started_at < :before "
                        + "and (locked_until is null or locked_until < :now)")
                .setParameter("before", Timestamp.from(windowStartedBefore))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
