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
 * OAuth {@code state}: 256 random bits, bound to the user who started the flow and to the browser that asked for the
 * authorization URL (a second random value in a cookie), accepted once and only within its lifetime (10 minutes by
 * default). Only SHA-256 hashes are stored.
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

    /** A fresh state and the binding value for the browser that asked for it; only their hashes are stored. */
    public record Issued(String state, String browserBinding) {
        @Override
        public String toString() {
            return "Issued[...]";
        }
    }

    /** How a callback's state was judged. */
    public sealed interface BrowserClaim {
        /** The state is the browser's own (or its signed-in user's): consumed, link for this user. */
        record Bound(long userId) implements BrowserClaim {
        }

        /** A valid state, but not started by this browser or its user: nothing consumed, nothing to link. */
        record StartedElsewhere() implements BrowserClaim {
        }

        /** Unknown, used or expired. */
        record Invalid() implements BrowserClaim {
        }
    }

    @Transactional
    public Issued issue(long userId) {
        String value = randomValue();
        String binding = randomValue();
        Instant now = clock.instant();
        OAuthState state = new OAuthState();
        state.stateHash = hash(value);
        state.browserBindingHash = hash(binding);
        state.userId = userId;
        state.createdAt = now;
        state.expiresAt = now.plus(config.stateTtl());
        states.persist(state);
        return new Issued(value, binding);
    }

    /**
     * The callback's check: the state is consumed only when the browser completing it presents the binding it was
     * given with the authorization URL, or is signed in (bearer) as the user who started it. Anyone else's browser,
     * e.g. a stranger who was sent the URL and consented with their own TikTok account, gets
     * {@link BrowserClaim.StartedElsewhere} and the state stays usable for the browser that started it.
     */
    @Transactional
    public BrowserClaim claimFromBrowser(String value, Optional<String> binding, OptionalLong signedInUser) {
        if (value == null || value.isBlank() || value.length() > 512) {
            return new BrowserClaim.Invalid();
        }
        Optional<OAuthState> found = states.lockByHash(hash(value));
        if (found.isEmpty()) {
            return new BrowserClaim.Invalid();
        }
        OAuthState state = found.get();
        if (!state.expiresAt.isAfter(clock.instant())) {
            states.delete(state);
            return new BrowserClaim.Invalid();
        }
        boolean sameBrowser = binding.isPresent() && binding.get().length() <= 512 && state.browserBindingHash != null
                && MessageDigest.isEqual(hash(binding.get()).getBytes(StandardCharsets.US_ASCII),
                state.browserBindingHash.getBytes(StandardCharsets.US_ASCII));
        boolean sameUser = signedInUser.isPresent() && signedInUser.getAsLong() == state.userId;
        if (!sameBrowser && !sameUser) {
            return new BrowserClaim.StartedElsewhere();
        }
        states.delete(state);
        return new BrowserClaim.Bound(state.userId);
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

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
