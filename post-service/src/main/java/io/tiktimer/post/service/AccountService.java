package io.tiktimer.post.service;

import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.post.TikTokAccount;
import io.tiktimer.post.repository.ConsumedEventRepository;
import io.tiktimer.post.repository.TikTokAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Keeps the local copy of TikTok accounts current; an event older than the one applied last is ignored. */
@ApplicationScoped
public class AccountService {

    private final TikTokAccountRepository accounts;
    private final ConsumedEventRepository consumed;

    public AccountService(TikTokAccountRepository accounts, ConsumedEventRepository consumed) {
        this.accounts = accounts;
        this.consumed = consumed;
    }

    @Transactional
    public void onAccountChanged(TikTokAccountChanged e) {
        if (!consumed.markConsumed(e.eventId(), e.type())) {
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
        account.updatedAt = Instant.now();
        accounts.persist(account);
    }
}
