package io.tiktimer.sandbox.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Codes, access tokens and refresh tokens; tokens are only ever looked up by their exact value. */
public final class TokenStore {
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Authorization> refreshTokens = new ConcurrentHashMap<>();

    public AuthorizationCode issueCode(String clientKey, String redirectUri, String openId, Set<String> scopes, Instant expiresAt) {
        AuthorizationCode code = new AuthorizationCode(Ids.token(""), clientKey, redirectUri, openId, Collections.unmodifiableSet(new LinkedHashSet<>(scopes)), expiresAt);
        codes.put(code.code(), code);
        return code;
    }

    /** Removes the code whatever happens next, which is what makes codes single-use. */
    public Optional<AuthorizationCode> consumeCode(String code) {
        return Optional.ofNullable(codes.remove(code));
    }

    public AccessToken issueAccessToken(Authorization authorization, Instant expiresAt) {
        AccessToken token = new AccessToken(Ids.token("act."), authorization, expiresAt);
        accessTokens.put(token.token(), token);
        return token;
    }

    public String issueRefreshToken(Authorization authorization) {
        String token = Ids.token("rft.");
        refreshTokens.put(token, authorization);
        return token;
    }

    public Optional<AccessToken> accessToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(token));
    }

    public Optional<Authorization> refreshToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(token));
    }

    public void retireRefreshToken(String token) {
        refreshTokens.remove(token);
    }

    public List<AccessToken> accessTokensOf(String clientKey, String openId) {
        return accessTokens.values().stream()
                .filter(t -> t.authorization().clientKey().equals(clientKey) && t.authorization().openId().equals(openId))
                .toList();
    }
}
