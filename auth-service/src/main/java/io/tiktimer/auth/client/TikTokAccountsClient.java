package io.tiktimer.auth.client;

import io.tiktimer.auth.service.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * The user's first connected TikTok account, for the original API's {@code tiktok_open_id} and
 * {@code tiktok_token_expires_at} on {@code /users/me}; the accounts live in tiktok-service. auth-service is the
 * token issuer, so it signs its own service token instead of asking itself for one over HTTP. When tiktok-service
 * cannot answer in time the fields are left empty: the profile must not fail because of them (timeouts in
 * {@code quarkus.rest-client.tiktok-service.*}).
 */
@ApplicationScoped
public class TikTokAccountsClient {

    private static final Logger LOG = Logger.getLogger(TikTokAccountsClient.class);
    static final String CLIENT_ID = "auth-service";

    public record Linked(String openId, Instant tokenExpiresAt) {
    }

    private final TikTokAccountsRestClient tiktok;
    private final TokenIssuer issuer;

    TikTokAccountsClient(@RestClient TikTokAccountsRestClient tiktok, TokenIssuer issuer) {
        this.tiktok = tiktok;
        this.issuer = issuer;
    }

    public Optional<Linked> firstConnected(long userId) {
        try {
            return tiktok.accountsOf(userId, "Bearer " + issuer.serviceToken(CLIENT_ID).token()).stream()
                    .filter(account -> "connected".equals(account.status()))
                    .findFirst()
                    .map(account -> new Linked(account.openId(), account.tokenExpiresAt()));
        } catch (RuntimeException e) {
            LOG.warnf("tiktok-service did not say which TikTok account user %d has: %s", userId,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
