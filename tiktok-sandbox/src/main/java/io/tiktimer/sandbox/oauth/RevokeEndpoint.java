package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.FailReasons;
import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.state.AccessToken;
import io.tiktimer.sandbox.state.Publication;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /v2/oauth/revoke/}: ends the whole consent, so the access token, every refresh token of it and any post
 * still processing for that creator and app are affected, as TikTok's auth_removed fail reason implies.
 */
public final class RevokeEndpoint {
    private final SandboxState state;
    private final OAuthReplies replies;

    public RevokeEndpoint(SandboxState state, Vertx vertx) {
        this.state = state;
        this.replies = new OAuthReplies(state, vertx);
    }

    public void bind(Router router) {
        router.post(SandboxEndpoint.OAUTH_REVOKE.path()).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Optional<Fault> fault = state.faults().takeFor(SandboxEndpoint.OAUTH_REVOKE);
        if (fault.isPresent() && fault.get().preventsEffect()) {
            replies.fault(ctx, fault.get());
            return;
        }
        if (!ClientCredentials.isForm(ctx.request().getHeader("Content-Type"))) {
            replies.error(ctx, "invalid_request", TokenEndpoint.MALFORMED);
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        Optional<SandboxApp> app = ClientCredentials.authenticate(state, form);
        if (app.isEmpty()) {
            replies.error(ctx, "invalid_client", "Client key or secret is invalid.");
            return;
        }
        String token = form.get("token");
        if (token == null) {
            replies.error(ctx, "invalid_request", TokenEndpoint.MALFORMED);
            return;
        }
        Optional<AccessToken> accessToken = state.tokens().accessToken(token);
        if (accessToken.isPresent() && !accessToken.get().authorization().clientKey().equals(app.get().clientKey())) {
            replies.error(ctx, "invalid_request", "The token was not issued to this client.");
            return;
        }
        accessToken.ifPresent(this::revoke);
        replies.empty(ctx, fault);
    }

    private void revoke(AccessToken token) {
        token.authorization().revoke();
        Instant now = state.now();
        String clientKey = token.authorization().clientKey();
        String openId = token.authorization().openId();
        state.tokens().accessTokensOf(clientKey, openId).forEach(t -> t.authorization().revoke());
        for (Publication publication : state.publications().of(clientKey, openId)) {
            if (publication.statusAt(now).inProcessing()) {
                publication.failNow(now, FailReasons.AUTH_REMOVED);
            }
        }
    }
}
