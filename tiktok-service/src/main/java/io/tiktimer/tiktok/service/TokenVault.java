package io.tiktimer.tiktok.service;

import io.tiktimer.tiktok.TikTokAccount;
import io.tiktimer.tiktok.client.TikTokTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Moves tokens between TikTok's answers and an account row's ciphertext columns. Every write re-seals both tokens
 * with the active key, which is how key rotation reaches existing rows.
 */
@ApplicationScoped
public class TokenVault {

    private final TokenCipher cipher;

    public TokenVault(TokenCipher cipher) {
        this.cipher = cipher;
    }

    public void store(TikTokAccount account, TikTokTokens tokens, Instant now) {
        String refreshToken = tokens.refreshToken() != null && !tokens.refreshToken().isBlank()
                ? tokens.refreshToken() : refreshTokenOf(account);
        account.accessTokenCiphertext = cipher.encrypt(tokens.accessToken(), aad(account.openId, "access"));
        account.refreshTokenCiphertext = cipher.encrypt(refreshToken, aad(account.openId, "refresh"));
        account.tokenKeyId = cipher.activeKeyId();
        account.accessTokenExpiresAt = now.plusSeconds(tokens.expiresInSeconds());
        if (tokens.refreshExpiresInSeconds() > 0) {
            account.refreshTokenExpiresAt = now.plusSeconds(tokens.refreshExpiresInSeconds());
        }
        if (!tokens.scopes().isEmpty()) {
            account.grantedScopes = String.join(",", tokens.scopes());
        }
        account.tokensRefreshedAt = now;
        account.updatedAt = now;
    }

    public String accessTokenOf(TikTokAccount account) {
        return cipher.decrypt(account.accessTokenCiphertext, aad(account.openId, "access"));
    }

    public String refreshTokenOf(TikTokAccount account) {
        return cipher.decrypt(account.refreshTokenCiphertext, aad(account.openId, "refresh"));
    }

    public AccessGrant grantOf(TikTokAccount account) {
        return new AccessGrant(account.id, account.openId, accessTokenOf(account), account.accessTokenExpiresAt,
                account.scopeList());
    }

    private static String aad(String openId, String purpose) {
        return "tiktimer/tiktok-token/" + purpose + "/" + openId;
    }
}
