package io.tiktimer.post.client;

import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.servicekit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;

/**
 * Asks tiktok-service which accounts a user has, for the moment between a user connecting an account and its
 * {@code tiktok.account} event reaching us: a client that connects and posts at once must not be told the account is
 * not connected. Timeouts are in {@code quarkus.rest-client.tiktok-service.*}.
 */
@ApplicationScoped
public class TikTokAccountsClient {

    private static final Logger LOG = Logger.getLogger(TikTokAccountsClient.class);

    /** What post-service needs of an account it has not heard of by event yet. */
    public record KnownAccount(long accountId, long userId, AccountStatus status) {
    }

    private final TikTokAccountsRestClient tiktok;

    TikTokAccountsClient(@RestClient TikTokAccountsRestClient tiktok) {
        this.tiktok = tiktok;
    }

    /** The user's accounts as tiktok-service has them now; 503 problem when it cannot be asked. */
    public List<KnownAccount> accountsOf(long userId) {
        try {
            return tiktok.accountsOf(userId).stream()
                    .map(a -> new KnownAccount(a.accountId(), a.userId(),
                            AccountStatus.valueOf(a.status().toUpperCase(Locale.ROOT))))
                    .toList();
        } catch (RuntimeException e) {
            LOG.warnf("tiktok-service could not be asked for the accounts of user %d: %s", userId,
                    e.getClass().getSimpleName());
            throw Problems.problem(503, "Your TikTok accounts cannot be checked right now; nothing was changed. "
                    + "Try again shortly.").withHeader("Retry-After", 5).build();
        }
    }
}
