package io.tiktimer.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.auth.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepository<RefreshToken> {

    /** Locks the row, so two concurrent refreshes with one token cannot both succeed. */
    public Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public long deleteExpiredBefore(Instant cutOff) {
        return delete("expiresAt < ?1", cutOff);
    }
}
