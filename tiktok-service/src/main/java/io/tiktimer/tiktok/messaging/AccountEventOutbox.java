package io.tiktimer.tiktok.messaging;

import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.servicekit.messaging.Outbox;
import io.tiktimer.tiktok.TikTokAccount;
import io.tiktimer.tiktok.mapping.AccountMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Reports an account change as {@link TikTokAccountChanged} through service-kit's {@link Outbox}, inside the caller's
 * transaction, so the event exists if and only if the account change committed.
 */
@ApplicationScoped
public class AccountEventOutbox {

    private final Outbox outbox;
    private final Clock clock;

    public AccountEventOutbox(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TikTokAccountChanged accountChanged(TikTokAccount account, AccountStatus status) {
        TikTokAccountChanged event = AccountMapper.toEvent(account, status, clock.instant());
        outbox.append(event);
        return event;
    }
}
