package io.tiktimer.tiktok.service;

import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.tiktok.ConnectionStatus;
import io.tiktimer.tiktok.TikTokAccount;
import io.tiktimer.tiktok.client.TikTokClient;
import io.tiktimer.tiktok.client.TikTokTokens;
import io.tiktimer.tiktok.messaging.AccountEventOutbox;
import io.tiktimer.tiktok.repository.TikTokAccountRepository;
import io.tiktimer.tiktok.service.ConnectResult.Failed;
import io.tiktimer.tiktok.service.ConnectResult.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Connected accounts of a user: storing a new connection, listing, and removing (revoke at TikTok, then delete). */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final TikTokAccountRepository accounts;
    private final TokenVault vault;
    private final TikTokClient tiktok;
    private final AccountEventOutbox events;
    private final Clock clock;

    public AccountService(TikTokAccountRepository accounts, TokenVault vault, TikTokClient tiktok,
                          AccountEventOutbox events, Clock clock) {
        this.accounts = accounts;
        this.vault = vault;
        this.tiktok = tiktok;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a fresh connection. Connecting an account the user already has replaces its tokens with the new consent's
     * (never keeps a stale refresh token) and brings it back to connected.
     */
    @Transactional
    public ConnectResult saveConnection(long userId, TikTokTokens tokens, String displayName, String username,
                                        String avatarUrl) {
        Instant now = clock.instant();
        Optional<TikTokAccount> existing = accounts.findByOpenId(tokens.openId());
        if (existing.isPresent() && existing.get().userId != userId) {
            LOG.infof("User %d tried to connect a TikTok account already connected to another user", userId);
            return new Failed(Failure.ACCOUNT_OWNED_ELSEWHERE,
                    "This TikTok account is already connected to another TikTimer user.");
        }
        TikTokAccount account = existing.orElseGet(TikTokAccount::new);
        boolean reconnected = existing.isPresent();
        if (!reconnected) {
            account.userId = userId;
            account.openId = tokens.openId();
            account.connectedAt = now;
        }
        account.displayName = displayName != null ? displayName : account.displayName;
        account.username = username != null ? username : account.username;
        account.avatarUrl = avatarUrl != null ? avatarUrl : account.avatarUrl;
        account.status = ConnectionStatus.CONNECTED;
        account.grantedScopes = String.join(",", tokens.scopes());
        vault.store(account, tokens, now);
        if (!reconnected) {
            accounts.persist(account);
        }
        accounts.flush();
        events.accountChanged(account, AccountStatus.CONNECTED);
        return new ConnectResult.Connected(account.id, userId, account.openId, account.displayName, reconnected);
    }

    @Transactional
    public List<TikTokAccount> list(long userId) {
        return accounts.listOfUser(userId);
    }

    @Transactional
    public Optional<TikTokAccount> get(long userId, long accountId) {
        return accounts.findOfUser(accountId, userId);
    }

    /** Any user's account, for other services (never for a user's request: those go through {@link #get}). */
    @Transactional
    public Optional<TikTokAccount> byId(long accountId) {
        return accounts.findByIdOptional(accountId);
    }

    /** Revokes at TikTok, then deletes; false when the account is not the user's. */
    @Transactional
    public boolean remove(long userId, long accountId) {
        Optional<TikTokAccount> account = accounts.lockOfUser(accountId, userId);
        account.ifPresent(this::revokeAndDelete);
        return account.isPresent();
    }

    /** The seed's "disconnect": every account of the user. */
    @Transactional
    public int removeAll(long userId) {
        List<TikTokAccount> all = accounts.lockAllOfUser(userId);
        all.forEach(this::revokeAndDelete);
        return all.size();
    }

    /**
     * Must run in a transaction holding the row lock. Revocation is best effort: when TikTok cannot be reached the
     * account is still removed here, because keeping tokens of an account its owner removed is the worse failure;
     * the owner can still remove TikTimer under "Manage app permissions" in TikTok.
     */
    void revokeAndDelete(TikTokAccount account) {
        if (account.status == ConnectionStatus.CONNECTED) {
            try {
                String accessToken = vault.accessTokenOf(account);
                if (!account.accessTokenExpiresAt.isAfter(clock.instant())) {
                    accessToken = tiktok.refresh(vault.refreshTokenOf(account)).accessToken();
                }
                tiktok.revoke(accessToken);
            } catch (RuntimeException e) {
                LOG.warnf("Revoking account %d at TikTok failed (%s); removing it here anyway", account.id,
                        e.getMessage());
            }
        }
        events.accountChanged(account, AccountStatus.DISCONNECTED);
        accounts.delete(account);
    }
}
