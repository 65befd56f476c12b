package io.tiktimer.tiktok.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.tiktok.ConnectionStatus;
import io.tiktimer.tiktok.TikTokAccount;
import io.tiktimer.tiktok.client.TikTokClient;
import io.tiktimer.tiktok.client.TikTokOAuthException;
import io.tiktimer.tiktok.client.TikTokTokens;
import io.tiktimer.tiktok.client.TikTokUnavailableException;
import io.tiktimer.tiktok.config.TikTokConfig;
import io.tiktimer.tiktok.messaging.AccountEventOutbox;
import io.tiktimer.tiktok.repository.TikTokAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Token custody: hands out decrypted access tokens, refreshes them, stores rotated refresh tokens.
 * <p>
 * Every refresh happens while holding the account row's {@code FOR UPDATE} lock, in the transaction that stores its
 * result. TikTok rotates refresh tokens and the rotated-out one dies, so two parallel refreshes with the same refresh
 * token would make the second fail with {@code invalid_grant} and disconnect a healthy account. With the lock, the
 * second caller waits, re-reads the row, finds a fresh token and does not call TikTok at all. The new access and
 * refresh tokens are written in one UPDATE, so there is no moment where only one of them is stored.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    private final TikTokAccountRepository accounts;
    private final TikTokClient tiktok;
    private final TokenVault vault;
    private final AccountEventOutbox events;
    private final TikTokConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public TokenService(TikTokAccountRepository accounts, TikTokClient tiktok, TokenVault vault,
                        AccountEventOutbox events, TikTokConfig config, Clock clock, MeterRegistry metrics) {
        this.accounts = accounts;
        this.tiktok = tiktok;
        this.vault = vault;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * An access token valid for at least the on-demand margin (5 min), refreshing first if needed.
     * {@code forceRefresh} is for a caller whose token TikTok just refused with 401. Forced refreshes are serialized
     * like all others, so each presents the refresh token its predecessor stored.
     */
    @Transactional
    public TokenOutcome accessToken(long accountId, long userId, boolean forceRefresh) {
        Optional<TikTokAccount> found = accounts.lockOfUser(accountId, userId);
        if (found.isEmpty()) {
            return new TokenOutcome.NotFound();
        }
        TikTokAccount account = found.get();
        if (account.status != ConnectionStatus.CONNECTED) {
            return new TokenOutcome.ReconnectRequired();
        }
        Instant now = clock.instant();
        boolean fresh = account.accessTokenExpiresAt.isAfter(now.plus(config.refresh().onDemandMargin()));
        if (fresh && !forceRefresh) {
            return new TokenOutcome.Granted(vault.grantOf(account));
        }
        return refreshLocked(account, now);
    }

    /** The background job's entry: refreshes if still due, and skips rows someone else is refreshing right now. */
    @Transactional
    public void refreshIfDue(long accountId, Duration margin) {
        Optional<TikTokAccount> found = accounts.lockIfFree(accountId);
        if (found.isEmpty()) {
            return;
        }
        TikTokAccount account = found.get();
        Instant now = clock.instant();
        if (account.status == ConnectionStatus.CONNECTED && !account.accessTokenExpiresAt.isAfter(now.plus(margin))) {
            TokenOutcome outcome = refreshLocked(account, now);
            if (outcome instanceof TokenOutcome.Unavailable unavailable) {
                LOG.warnf("Proactive refresh of account %d postponed: %s", accountId, unavailable.reason());
            }
        }
    }

    /** publisher-worker saw 401 access_token_invalid even after a refresh: the authorization is gone. */
    @Transactional
    public boolean markReconnectRequired(long accountId, long userId) {
        Optional<TikTokAccount> found = accounts.lockOfUser(accountId, userId);
        if (found.isEmpty()) {
            return false;
        }
        needsReconnect(found.get(), clock.instant(), "reported by publisher-worker");
        return true;
    }

    /**
     * Must run inside the transaction that holds the row lock. Counted as
     * {@code tiktimer_tiktok_token_refreshes_total{result}}: {@code granted}, {@code reconnect_required} (the grant is
     * gone) or {@code unavailable} (TikTok away or refusing for a reason of ours; the account stays connected).
     */
    TokenOutcome refreshLocked(TikTokAccount account, Instant now) {
        TokenOutcome outcome = refresh(account, now);
        String result = outcome instanceof TokenOutcome.Granted ? "granted"
                : outcome instanceof TokenOutcome.ReconnectRequired ? "reconnect_required" : "unavailable";
        metrics.counter("tiktimer.tiktok.token.refreshes", "result", result).increment();
        return outcome;
    }

    private TokenOutcome refresh(TikTokAccount account, Instant now) {
        if (!account.refreshTokenExpiresAt.isAfter(now)) {
            needsReconnect(account, now, "refresh token expired");
            return new TokenOutcome.ReconnectRequired();
        }
        TikTokTokens tokens;
        try {
            tokens = tiktok.refresh(vault.refreshTokenOf(account));
        } catch (TikTokOAuthException e) {
            if (e.invalidGrant()) {
                needsReconnect(account, now, "TikTok answered invalid_grant (log_id " + e.logId() + ")");
                return new TokenOutcome.ReconnectRequired();
            }
            // invalid_client and friends are our configuration problem; the user's grant may be perfectly fine.
            LOG.errorf("Refresh of account %d refused with %s (log_id %s); account left connected", account.id,
                    e.error(), e.logId());
            return new TokenOutcome.Unavailable("TikTok refused the refresh: " + e.error());
        } catch (TikTokUnavailableException e) {
            LOG.warnf("Refresh of account %d failed transiently: %s; account left connected", account.id,
                    e.getMessage());
            return new TokenOutcome.Unavailable(e.getMessage());
        }
        if (tokens.openId() != null && !tokens.openId().equals(account.openId)) {
            LOG.errorf("Refresh of account %d returned another open_id; ignored", account.id);
            return new TokenOutcome.Unavailable("TikTok returned tokens of another account");
        }
        vault.store(account, tokens, now);
        return new TokenOutcome.Granted(vault.grantOf(account));
    }

    void needsReconnect(TikTokAccount account, Instant now, String why) {
        if (account.status == ConnectionStatus.NEEDS_RECONNECT) {
            return;
        }
        LOG.infof("Account %d needs reconnecting: %s", account.id, why);
        account.status = ConnectionStatus.NEEDS_RECONNECT;
        account.updatedAt = now;
        events.accountChanged(account, AccountStatus.NEEDS_RECONNECT);
    }
}
