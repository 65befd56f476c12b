package io.tiktimer.tiktok.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.tiktok.OAuthState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OAuthStateRepository implements PanacheRepository<OAuthState> {

    /** Locked, so two callbacks racing with one state cannot both consume it. */
    public Optional<OAuthState> lockByHash(String stateHash) {
        return find("stateHash", stateHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<OAuthState> lockPendingOfUser(long userId, Instant now) {
        return find("userId = ?1 and expiresAt > ?2", userId, now).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }

    public long deleteOfUser(long userId) {
        return delete("userId", userId);
    }
}
