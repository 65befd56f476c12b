package io.tiktimer.post;

import io.tiktimer.contracts.AccountStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What post-service knows about a TikTok account, from tiktok-service's {@code tiktok.account} events. */
@Entity
@Table(name = "tiktok_account")
public class TikTokAccount {
    @Id
    public Long id;
    @Column(name = "user_id", nullable = false)
    public long userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;
    @Column(name = "display_name")
    public String displayName;
    public String username;
    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
