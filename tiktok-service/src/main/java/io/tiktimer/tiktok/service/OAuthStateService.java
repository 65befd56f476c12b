package io.tiktimer.tiktok.service;

import io.quarkus.scheduler.Scheduled;
import io.tiktimer.tiktok.OAuthState;
import io.tiktimer.tiktok.config.TikTokConfig;
import io.tiktimer.tiktok.repository.OAuthStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * OAuth {@code state}: 256 random bits, bound to the user who started the flow, accepted once and only within its
 * lifetime (10 minutes by default). Only its SHA-256 is stored.
 */
@ApplicationScoped
public class OAuthStateService {

    private final OAuthStateRepository states;
    private final TikTokConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthStateService(OAuthStateRepository states, TikTokConfig config, Clock clock) {
        this.states = states;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public String issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        OAuthState state = new OAuthState();
        state.stateHash = hash(value);
        state.userId = userId;
        state.createdAt = now;
        state.expiresAt = now.plus(config.stateTtl());
        states.persist(state);
        return value;
    }

    /**
     * The user a state was issued to, consuming it. Empty when it is unknown, used, expired, or (with
     * {@code expectedUser}) issued to somebody else; another user's state is left untouched.
     */
    @Transactional
    public OptionalLong consume(String value, Optional<Long> expectedUser) {
        if (value == null || value.isBlank() || value.length() > 512) {
            return OptionalLong.empty();
        }
        Optional<OAuthState> found = states.lockByHash(hash(value));
        if (found.isEmpty()) {
            return OptionalLong.empty();
        }
        OAuthState state = found.get();
        if (expectedUser.isPresent() && expectedUser.get() != state.userId) {
            return OptionalLong.empty();
        }
        states.delete(state);
        if (!state.expiresAt.isAfter(clock.instant())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(state.userId);
    }

    /** For the copy-paste flow without state: accepted only if the user has exactly one pending state. */
    @Transactional
    public boolean consumeSinglePending(long userId) {
        List<OAuthState> pending = states.lockPendingOfUser(userId, clock.instant());
        if (pending.size() != 1) {
            return false;
        }
        states.delete(pending.get(0));
        return true;
    }

    @Transactional
    public void forgetUser(long userId) {
        states.deleteOfUser(userId);
    }

    @Scheduled(identity = "oauth-state-cleanup", every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void deleteExpired() {
        states.deleteExpired(clock.instant());
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
