package io.tiktimer.sandbox.http;

import io.tiktimer.sandbox.Fault;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/** Writes a finished reply, honouring a fault that lets the effect happen but spoils the answer. */
public final class Replies {
    public static final String LOG_ID_HEADER = "x-tt-logid";

    private Replies() {
    }

    public static void send(Vertx vertx, RoutingContext ctx, int status, Map<String, String> headers, String body,
            Optional<Fault> fault) {
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_CONNECTION_AFTER_EFFECT) {
            ctx.request().connection().close();
            return;
        }
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.SLOW_RESPONSE) {
            vertx.setTimer(Math.max(1, fault.get().delay().toMillis()), t -> write(ctx, status, headers, body));
            return;
        }
        write(ctx, status, headers, body);
    }

    private static void write(RoutingContext ctx, int status, Map<String, String> headers, String body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        if (body == null) {
            response.end();
        } else {
            response.end(body);
        }
    }
}
