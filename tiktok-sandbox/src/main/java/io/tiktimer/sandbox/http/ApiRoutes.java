package io.tiktimer.sandbox.http;

import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.InitCall;
import io.tiktimer.sandbox.RateLimitRefusal;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.state.AccessToken;
import io.tiktimer.sandbox.state.Ids;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline every open.tiktokapis.com endpoint shares, in the order TikTok appears to apply it: injected fault,
 * bearer token, scope, rate limit, then the endpoint itself, and finally the envelope with a fresh log_id.
 */
public final class ApiRoutes {
    private final SandboxState state;
    private final Vertx vertx;
    private final Router router;

    public ApiRoutes(SandboxState state, Vertx vertx, Router router) {
        this.state = state;
        this.vertx = vertx;
        this.router = router;
    }

    /** @param anyOfScopes the token needs at least one of these; empty when the endpoint checks scopes itself */
    public void bind(HttpMethod method, SandboxEndpoint endpoint, Set<String> anyOfScopes, ApiOperation operation) {
        router.route(method, endpoint.path()).handler(ctx -> handle(ctx, endpoint, anyOfScopes, operation));
    }

    private void handle(RoutingContext ctx, SandboxEndpoint endpoint, Set<String> anyOfScopes, ApiOperation operation) {
        String logId = Ids.logId(state.now());
        Optional<Fault> fault = state.faults().takeFor(endpoint);
        if (fault.isPresent() && fault.get().preventsEffect()) {
            Fault f = fault.get();
            ApiReply refused = ApiReply.error(f.httpStatus(), f.errorCode(), f.message());
            recordInit(ctx, endpoint, refused);
            reply(ctx, logId, refused, Optional.empty());
            return;
        }
        ApiReply reply;
        try {
            reply = authorizeAndRun(ctx, endpoint, anyOfScopes, operation);
        } catch (ApiRefusal refusal) {
            reply = refusal.reply();
        }
        recordInit(ctx, endpoint, reply);
        reply(ctx, logId, reply, fault);
    }

    /** Every init attempt by a known token is kept, refused ones too, so tests can prove "init was called once". */
    private void recordInit(RoutingContext ctx, SandboxEndpoint endpoint, ApiReply reply) {
        if (!endpoint.isPostInit()) {
            return;
        }
        bearer(ctx).flatMap(t -> state.tokens().accessToken(t)).ifPresent(token -> {
            Object publishId = reply.isOk() && reply.data() instanceof Map<?, ?> data ? data.get("publish_id") : null;
            state.initCalls().add(new InitCall(endpoint, token.authorization().clientKey(), token.authorization().openId(),
                    token.token(), state.now(), reply.status(), reply.code(), (String) publishId));
        });
    }

    private ApiReply authorizeAndRun(RoutingContext ctx, SandboxEndpoint endpoint, Set<String> anyOfScopes,
            ApiOperation operation) {
        Optional<AccessToken> token = bearer(ctx).flatMap(t -> state.tokens().accessToken(t))
                .filter(t -> t.usableAt(state.now()));
        if (token.isEmpty()) {
            return ApiReply.error(401, "access_token_invalid",
                    "The access token is invalid or not found in the request.");
        }
        AccessToken accessToken = token.get();
        if (!anyOfScopes.isEmpty() && anyOfScopes.stream().noneMatch(accessToken.authorization().scopes()::contains)) {
            return scopeNotAuthorized(anyOfScopes);
        }
        int limit = state.config().requestsPerMinute(endpoint);
        if (!state.rateLimiter().tryAcquire(endpoint, accessToken.token(), limit, state.now())) {
            state.refusals().add(new RateLimitRefusal(endpoint, accessToken.authorization().clientKey(),
                    accessToken.authorization().openId(), accessToken.token(), state.now()));
            return ApiReply.error(429, "rate_limit_exceeded",
                    "API rate limit was exceeded, only " + limit + " requests are allowed per minute.");
        }
        return operation.handle(new ApiCall(ctx, accessToken, state.config().invalidParamsCode()));
    }

    public static ApiReply scopeNotAuthorized(Set<String> scopes) {
        return ApiReply.error(401, "scope_not_authorized",
                "The user did not authorize the scope required for completing this request: " + String.join(" or ", scopes));
    }

    private void reply(RoutingContext ctx, String logId, ApiReply reply, Optional<Fault> fault) {
        Replies.send(vertx, ctx, reply.status(),
                Map.of("Content-Type", "application/json; charset=UTF-8", Replies.LOG_ID_HEADER, logId),
                reply.toEnvelope(state.config().logIdField(), logId), fault);
    }

    private static Optional<String> bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
