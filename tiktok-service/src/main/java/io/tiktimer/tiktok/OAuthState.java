package io.tiktimer.tiktok;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A pending OAuth authorization: which user started it, from which browser, and until when its state value is
 * accepted.
 */
@Entity
@Table(name = "oauth_state")
public class OAuthState {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_hash", nullable = false, unique = true, length = 64)
    public String stateHash;

    @Column(name = "user_id", nullable = false)
    public long userId;

    /** SHA-256 of the binding cookie given to the browser that asked for the authorization URL. */
    @Column(name = "browser_binding_hash", length = 64)
    public String browserBindingHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
