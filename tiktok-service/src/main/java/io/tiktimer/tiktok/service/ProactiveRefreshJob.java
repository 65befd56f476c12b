package io.tiktimer.tiktok.service;

import io.quarkus.scheduler.Scheduled;
import io.tiktimer.tiktok.config.TikTokConfig;
import io.tiktimer.tiktok.repository.TikTokAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Refreshes access tokens before they expire (TikTok: 24 h), so a scheduled post never waits on a refresh and a
 * refresh problem shows up hours before a post needs the token. Each account is refreshed in its own transaction
 * under its row lock; rows locked by an on-demand refresh are skipped and picked up next time if still due.
 */
@ApplicationScoped
public class ProactiveRefreshJob {

    public static final String IDENTITY = "proactive-token-refresh";
    private static final Logger LOG = Logger.getLogger(ProactiveRefreshJob.class);

    private final TikTokAccountRepository accounts;
    private final TokenService tokens;
    private final TikTokConfig config;
    private final Clock clock;

    public ProactiveRefreshJob(TikTokAccountRepository accounts, TokenService tokens, TikTokConfig config,
                               Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = IDENTITY, every = "${tiktok.refresh.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        for (Long id : dueAccounts()) {
            try {
                tokens.refreshIfDue(id, config.refresh().proactiveMargin());
            } catch (RuntimeException e) {
                LOG.warnf("Proactive refresh of account %d failed: %s", id, e.getMessage());
            }
        }
    }

    private List<Long> dueAccounts() {
        return QuarkusTransaction.requiringNew().call(() -> accounts.idsDueForRefresh(
                clock.instant().plus(config.refresh().proactiveMargin()), config.refresh().batchSize()));
    }
}
