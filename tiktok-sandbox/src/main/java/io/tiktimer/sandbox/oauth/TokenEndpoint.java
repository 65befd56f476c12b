package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.RefreshRotation;
import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.Scopes;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.state.AccessToken;
import io.tiktimer.sandbox.state.Authorization;
import io.tiktimer.sandbox.state.AuthorizationCode;
import io.tiktimer.sandbox.state.Ids;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/oauth/token/}: authorization_code, refresh_token and client_credentials grants. */
public final class TokenEndpoint {
    static final String MALFORMED = "The request parameters are malformed.";

    private final SandboxState state;
    private final OAuthReplies replies;

    public TokenEndpoint(SandboxState state, Vertx vertx) {
        this.state = state;
        this.replies = new OAuthReplies(state, vertx);
    }

    public void bind(Router router) {
        router.post(SandboxEndpoint.OAUTH_TOKEN.path()).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Optional<Fault> fault = state.faults().takeFor(SandboxEndpoint.OAUTH_TOKEN);
        if (fault.isPresent() && fault.get().preventsEffect()) {
            replies.fault(ctx, fault.get());
            return;
        }
        if (!ClientCredentials.isForm(ctx.request().getHeader("Content-Type"))) {
            replies.error(ctx, "invalid_request", MALFORMED);
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        Optional<SandboxApp> app = ClientCredentials.authenticate(state, form);
        if (app.isEmpty()) {
            replies.error(ctx, "invalid_client", "Client key or secret is invalid.");
            return;
        }
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            exchangeCode(ctx, app.get(), form, fault);
        } else if ("refresh_token".equals(grantType)) {
            refresh(ctx, app.get(), form, fault);
        } else if ("client_credentials".equals(grantType)) {
            replies.json(ctx, Json.object("access_token", Ids.token("clt."), "expires_in", 7200, "token_type", "Bearer"), fault);
        } else if (grantType == null) {
            replies.error(ctx, "invalid_request", MALFORMED);
        } else {
            replies.error(ctx, "unsupported_grant_type", "The grant type is not supported.");
        }
    }

    private void exchangeCode(RoutingContext ctx, SandboxApp app, MultiMap form, Optional<Fault> fault) {
        String codeValue = form.get("code");
        String redirectUri = form.get("redirect_uri");
        if (codeValue == null || redirectUri == null) {
            replies.error(ctx, "invalid_request", MALFORMED);
            return;
        }
        Optional<AuthorizationCode> found = state.tokens().consumeCode(codeValue);
        Instant now = state.now();
        if (found.isEmpty() || !found.get().clientKey().equals(app.clientKey())) {
            replies.error(ctx, "invalid_grant", "Authorization code is invalid or has already been used.");
            return;
        }
        AuthorizationCode code = found.get();
        if (!now.isBefore(code.expiresAt())) {
            replies.error(ctx, "invalid_grant", "Authorization code is expired.");
            return;
        }
        if (!code.redirectUri().equals(redirectUri)) {
            replies.error(ctx, "invalid_request", "Redirect_uri is not matched with the uri when requesting code.");
            return;
        }
        Authorization authorization = new Authorization(app.clientKey(), code.openId(), code.scopes(),
                now.plus(state.config().refreshTokenTtl()));
        String refreshToken = state.tokens().issueRefreshToken(authorization);
        replies.json(ctx, tokenResponse(authorization, refreshToken, now), fault);
    }

    private void refresh(RoutingContext ctx, SandboxApp app, MultiMap form, Optional<Fault> fault) {
        String presented = form.get("refresh_token");
        if (presented == null) {
            replies.error(ctx, "invalid_request", MALFORMED);
            return;
        }
        Instant now = state.now();
        Optional<Authorization> found = state.tokens().refreshToken(presented)
                .filter(a -> a.clientKey().equals(app.clientKey()) && !a.revoked() && now.isBefore(a.refreshExpiresAt()));
        if (found.isEmpty() || app.refreshAlwaysFails()) {
            replies.error(ctx, "invalid_grant", "Refresh token is invalid or expired.");
            return;
        }
        Authorization authorization = found.get();
        if (state.config().refreshExtendsRefreshWindow()) {
            authorization.refreshExpiresAt(now.plus(state.config().refreshTokenTtl()));
        }
        String refreshToken = presented;
        if (rotates(app.refreshRotation())) {
            refreshToken = state.tokens().issueRefreshToken(authorization);
            if (!app.rotatedOutRefreshTokenStaysValid()) {
                state.tokens().retireRefreshToken(presented);
            }
        }
        replies.json(ctx, tokenResponse(authorization, refreshToken, now), fault);
    }

    private static boolean rotates(RefreshRotation rotation) {
        return rotation == RefreshRotation.ALWAYS || (rotation == RefreshRotation.RANDOM && Ids.coinFlip());
    }

    private Map<String, Object> tokenResponse(Authorization authorization, String refreshToken, Instant now) {
        Duration accessTtl = state.config().accessTokenTtl();
        AccessToken access = state.tokens().issueAccessToken(authorization, now.plus(accessTtl));
        return Json.object(
                "access_token", access.token(),
                "expires_in", accessTtl.toSeconds(),
                "open_id", authorization.openId(),
                "refresh_expires_in", Duration.between(now, authorization.refreshExpiresAt()).toSeconds(),
                "refresh_token", refreshToken,
                "scope", Scopes.join(authorization.scopes()),
                "token_type", "Bearer");
    }
}
