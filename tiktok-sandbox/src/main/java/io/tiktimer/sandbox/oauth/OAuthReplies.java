package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.http.Replies;
import io.tiktimer.sandbox.state.Ids;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/** OAuth endpoints answer flat objects, not the data/error envelope of the rest of the API. */
final class OAuthReplies {
    private final SandboxState state;
    private final Vertx vertx;

    OAuthReplies(SandboxState state, Vertx vertx) {
        this.state = state;
        this.vertx = vertx;
    }

    void error(RoutingContext ctx, String error, String description) {
        send(ctx, state.config().oauthErrorHttpStatus(), errorBody(error, description), Optional.empty());
    }

    /** A fault that stops the request: 5xx become server_error / temporarily_unavailable as TikTok lists them. */
    void fault(RoutingContext ctx, Fault fault) {
        String error = fault.kind() == Fault.Kind.ERROR_WITH_HTTP_200 ? fault.errorCode()
                : fault.httpStatus() == 503 ? "temporarily_unavailable" : "server_error";
        send(ctx, fault.httpStatus(), errorBody(error, fault.message()), Optional.empty());
    }

    void json(RoutingContext ctx, Map<String, Object> body, Optional<Fault> fault) {
        send(ctx, 200, Json.write(body), fault);
    }

    void empty(RoutingContext ctx, Optional<Fault> fault) {
        Replies.send(vertx, ctx, 200, Map.of(Replies.LOG_ID_HEADER, Ids.logId(state.now())), null, fault);
    }

    private String errorBody(String error, String description) {
        return Json.write(Json.object("error", error, "error_description", description,
                state.config().logIdField(), Ids.logId(state.now())));
    }

    private void send(RoutingContext ctx, int status, String body, Optional<Fault> fault) {
        Replies.send(vertx, ctx, status, Map.of("Content-Type", "application/json; charset=UTF-8",
                Replies.LOG_ID_HEADER, Ids.logId(state.now())), body, fault);
    }
}
