package io.tiktimer.tiktok;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A TikTok account connected by a TikTimer user. Tokens are held only as ciphertexts. */
@Entity
@Table(name = "tiktok_account")
public class TikTokAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "open_id", nullable = false, unique = true, length = 128)
    public String openId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "username")
    public String username;

    @Column(name = "avatar_url", length = 2048)
    public String avatarUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    public ConnectionStatus status;

    /** Comma-separated, TikTok's own wire form. */
    @Column(name = "granted_scopes", nullable = false, length = 1024)
    public String grantedScopes;

    @Column(name = "access_token_ciphertext", nullable = false)
    public byte[] accessTokenCiphertext;

    @Column(name = "refresh_token_ciphertext", nullable = false)
    public byte[] refreshTokenCiphertext;

    @Column(name = "token_key_id", nullable = false, length = 64)
    public String tokenKeyId;

    @Column(name = "access_token_expires_at", nullable = false)
    public Instant accessTokenExpiresAt;

    @Column(name = "refresh_token_expires_at", nullable = false)
    public Instant refreshTokenExpiresAt;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    @Column(name = "tokens_refreshed_at", nullable = false)
    public Instant tokensRefreshedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> scopeList() {
        if (grantedScopes == null || grantedScopes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(grantedScopes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
