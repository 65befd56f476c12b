package io.tiktimer.tiktok.service;

import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.tiktok.repository.ConsumedEventRepository;
import io.tiktimer.tiktok.repository.OAuthStateRepository;
import io.tiktimer.tiktok.repository.TikTokAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;

/** {@code user.deleted}: revoke every account of the user at TikTok and erase them, exactly once per event. */
@ApplicationScoped
public class UserDeletionService {

    private static final Logger LOG = Logger.getLogger(UserDeletionService.class);

    private final ConsumedEventRepository consumed;
    private final TikTokAccountRepository accounts;
    private final OAuthStateRepository states;
    private final AccountService accountService;
    private final Clock clock;

    public UserDeletionService(ConsumedEventRepository consumed, TikTokAccountRepository accounts,
                               OAuthStateRepository states, AccountService accountService, Clock clock) {
        this.consumed = consumed;
        this.accounts = accounts;
        this.states = states;
        this.accountService = accountService;
        this.clock = clock;
    }

    /** One transaction: the consumed_event row, the deletions and their outbox events commit together or not at all. */
    @Transactional
    public void handle(UserDeleted event) {
        if (!consumed.markConsumed(event.eventId(), event.type(), clock.instant())) {
            LOG.debugf("user.deleted %s already handled", event.eventId());
            return;
        }
        var all = accounts.lockAllOfUser(event.userId());
        all.forEach(accountService::revokeAndDelete);
        states.deleteOfUser(event.userId());
        LOG.infof("Erased %d TikTok account(s) of deleted user %d", all.size(), event.userId());
    }
}
