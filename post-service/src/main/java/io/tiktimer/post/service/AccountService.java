package io.tiktimer.post.service;

import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.post.client.TikTokAccountsClient;
import io.tiktimer.post.TikTokAccount;
import io.tiktimer.servicekit.messaging.Inbox;
import io.tiktimer.post.repository.TikTokAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the local copy of TikTok accounts current; an event older than the one applied last is ignored. An account
 * whose event has not arrived yet (connected a moment ago) is learnt by asking tiktok-service, so a client can connect
 * and post at once.
 */
@ApplicationScoped
public class AccountService {

    private final TikTokAccountRepository accounts;
    private final Inbox inbox;
    private final TikTokAccountsClient tiktok;
    private final boolean lookupEnabled;
    private final Clock clock;

    public AccountService(TikTokAccountRepository accounts, Inbox inbox,
                          TikTokAccountsClient tiktok, io.tiktimer.post.config.PostConfig config, Clock clock) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.tiktok = tiktok;
        this.lookupEnabled = config.accountLookup().enabled();
        this.clock = clock;
    }

    /** Adds or updates the user's accounts as tiktok-service has them now; whether anything changed. */
    @Transactional
    public boolean learnAccountsOf(long userId) {
        if (!lookupEnabled) {
            return false;
        }
        boolean learnt = false;
        for (TikTokAccountsClient.KnownAccount known : tiktok.accountsOf(userId)) {
            if (known.userId() == userId) {
                Instant now = clock.instant();
                learnt |= accounts.insertIfAbsent(known.accountId(), userId, known.status(), now)
                        || accounts.updateIfDifferent(known.accountId(), userId, known.status(), now);
            }
        }
        return learnt;
    }

    @Transactional
    public void onAccountChanged(TikTokAccountChanged e) {
        if (!inbox.firstDelivery(e)) {
            return;
        }
        TikTokAccount account = accounts.findById(e.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            account = new TikTokAccount();
            account.id = e.accountId();
        } else if (account.lastEventAt.isAfter(e.occurredAt())) {
            return;
        }
        account.userId = e.userId();
        account.status = e.status();
        account.displayName = e.displayName();
        account.username = e.username();
        account.lastEventAt = e.occurredAt();
        account.updatedAt = clock.instant();
        accounts.persist(account);
    }
}
