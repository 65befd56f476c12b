package io.tiktimer.tiktok.service;

import io.tiktimer.tiktok.client.TikTokClient;
import io.tiktimer.tiktok.client.TikTokCreatorInfo;
import io.tiktimer.tiktok.client.TikTokOAuthException;
import io.tiktimer.tiktok.client.TikTokTokens;
import io.tiktimer.tiktok.client.TikTokUnavailableException;
import io.tiktimer.tiktok.client.TikTokUserInfo;
import io.tiktimer.tiktok.config.TikTokConfig;
import io.tiktimer.tiktok.service.ConnectResult.Failed;
import io.tiktimer.tiktok.service.ConnectResult.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The OAuth connect flow (tiktok-api.md §1.1–1.3, §7.2): authorize URL with a fresh state, then code exchange, scope
 * check, profile lookup and storing the account. The state is consumed before TikTok is called, so a state works once
 * even when the rest fails.
 */
@ApplicationScoped
public class ConnectService {

    private static final Logger LOG = Logger.getLogger(ConnectService.class);
    private static final String PROFILE_SCOPE = "user.info.profile";

    private final OAuthStateService states;
    private final TikTokClient tiktok;
    private final AccountService accounts;
    private final TikTokConfig config;

    public ConnectService(OAuthStateService states, TikTokClient tiktok, AccountService accounts,
                          TikTokConfig config) {
        this.states = states;
        this.tiktok = tiktok;
        this.accounts = accounts;
        this.config = config;
    }

    /** Where to send the browser, and the binding value only that browser may bring back (its cookie). */
    public record Authorization(String url, String state, String browserBinding) {
        @Override
        public String toString() {
            return "Authorization[...]";
        }
    }

    /** TikTok's authorize URL: client_key (not client_id), comma-joined scopes, no PKCE for web apps. */
    public Authorization authorize(long userId) {
        OAuthStateService.Issued issued = states.issue(userId);
        String url = trimSlash(config.authBaseUrl()) + "/v2/auth/authorize/"
                + "?client_key=" + encode(config.clientKey())
                + "&scope=" + encode(String.join(",", config.scopes()))
                + "&redirect_uri=" + encode(config.redirectUri())
                + "&state=" + encode(issued.state())
                + "&response_type=code"
                // always show the consent page, so a user can pick another TikTok account for a second connection
                + "&disable_auto_auth=1";
        return new Authorization(url, issued.state(), issued.browserBinding());
    }

    /**
     * The browser's return from TikTok. The state names the user, but an account is linked only when this browser is
     * the one that asked for the authorization URL ({@code browserBinding}, from its cookie) or is signed in as that
     * user ({@code signedInUser}); otherwise whoever consented is a stranger the URL was passed to.
     */
    public ConnectResult callback(String code, String state, String scopes, String error, String errorDescription,
                                  Optional<String> browserBinding, OptionalLong signedInUser) {
        OAuthStateService.BrowserClaim claim = states.claimFromBrowser(state, browserBinding, signedInUser);
        if (claim instanceof OAuthStateService.BrowserClaim.StartedElsewhere) {
            LOG.infof("A TikTok callback came from a browser that did not start its authorization; nothing linked");
            return new Failed(Failure.STARTED_ELSEWHERE, "This connection was started in another browser or by "
                    + "another TikTimer user.");
        }
        if (!(claim instanceof OAuthStateService.BrowserClaim.Bound bound)) {
            return new Failed(Failure.INVALID_STATE, "This connection link is invalid, expired or was already used.");
        }
        long userId = bound.userId();
        if (error != null && !error.isBlank()) {
            if ("access_denied".equals(error)) {
                return new Failed(Failure.ACCESS_DENIED, "TikTok access was not granted.");
            }
            // both come from the query string: escaped, so a CR/LF in them cannot forge a log line
            LOG.infof("TikTok authorize returned error %s (%s) for user %d", LogText.escape(error),
                    LogText.escape(errorDescription), userId);
            return new Failed(Failure.TIKTOK_ERROR, "TikTok reported an error (" + LogText.escape(error) + ").");
        }
        if (code == null || code.isBlank()) {
            return new Failed(Failure.CODE_REJECTED, "TikTok did not return an authorization code.");
        }
        if (scopes != null) {
            List<String> missing = missing(split(scopes));
            if (!missing.isEmpty()) {
                return new Failed(Failure.MISSING_SCOPES, "Some required permissions were not granted.", missing);
            }
        }
        return connect(userId, code);
    }

    /** The manual flow: a signed-in user pastes the code; state is optional only when exactly one flow is pending. */
    public ConnectResult exchange(long userId, String code, String state) {
        boolean stateOk = state == null || state.isBlank()
                ? states.consumeSinglePending(userId)
                : states.consume(state, Optional.of(userId)).isPresent();
        if (!stateOk) {
            return new Failed(Failure.INVALID_STATE, state == null || state.isBlank()
                    ? "No single pending TikTok authorization for this user; send the state returned by TikTok."
                    : "The state is invalid, expired, already used or belongs to another user.");
        }
        return connect(userId, code);
    }

    private ConnectResult connect(long userId, String code) {
        TikTokTokens tokens;
        try {
            tokens = tiktok.exchangeCode(code);
        } catch (TikTokOAuthException e) {
            if (e.invalidGrant() || "invalid_request".equals(e.error())) {
                return new Failed(Failure.CODE_REJECTED, "TikTok rejected the authorization code (" + e.error() + ").");
            }
            return new Failed(Failure.TIKTOK_ERROR, "TikTok refused the connection (" + e.error() + ").");
        } catch (TikTokUnavailableException e) {
            return new Failed(Failure.TIKTOK_UNAVAILABLE, "TikTok could not be reached. Please try again.");
        }
        List<String> missing = missing(tokens.scopes());
        if (!missing.isEmpty()) {
            // Give the partial consent back, so the next attempt starts from a clean slate on TikTok's side too.
            revokeQuietly(tokens.accessToken());
            return new Failed(Failure.MISSING_SCOPES, "Some required permissions were not granted.", missing);
        }
        if (tokens.openId() == null || tokens.openId().isBlank() || tokens.refreshToken() == null) {
            return new Failed(Failure.TIKTOK_ERROR, "TikTok's token answer lacked open_id or refresh_token.");
        }
        Profile profile = profile(tokens);
        return accounts.saveConnection(userId, tokens, profile.displayName(), profile.username(), profile.avatarUrl());
    }

    private record Profile(String displayName, String username, String avatarUrl) {
    }

    /** Best effort: a connection is worth keeping even when TikTok's profile endpoints hiccup. */
    private Profile profile(TikTokTokens tokens) {
        String displayName = null;
        String username = null;
        String avatarUrl = null;
        try {
            TikTokUserInfo info = tiktok.userInfo(tokens.accessToken(), tokens.scopes().contains(PROFILE_SCOPE));
            displayName = info.displayName();
            avatarUrl = info.avatarUrl();
            username = info.username();
        } catch (RuntimeException e) {
            LOG.warnf("user/info for a new connection failed: %s", e.getMessage());
        }
        if (username == null && tokens.scopes().contains("video.publish")) {
            // Without user.info.profile, creator_info (video.publish) is the documented source of the @handle.
            try {
                TikTokCreatorInfo creator = tiktok.creatorInfo(tokens.accessToken());
                username = creator.creatorUsername();
                if (displayName == null) {
                    displayName = creator.creatorNickname();
                }
            } catch (RuntimeException e) {
                LOG.warnf("creator_info for a new connection failed: %s", e.getMessage());
            }
        }
        return new Profile(displayName, username, avatarUrl);
    }

    private void revokeQuietly(String accessToken) {
        try {
            tiktok.revoke(accessToken);
        } catch (RuntimeException e) {
            LOG.warnf("Revoking a partial consent failed: %s", e.getMessage());
        }
    }

    private List<String> missing(List<String> granted) {
        return config.requiredScopes().stream().filter(s -> !granted.contains(s)).toList();
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
