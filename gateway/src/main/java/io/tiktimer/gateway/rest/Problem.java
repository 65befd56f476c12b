package io.tiktimer.gateway.rest;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The one error shape of TikTimer (RFC 9457): {@code status}, {@code title} (the reason phrase), {@code detail},
 * {@code instance} (the request path), and a {@code code} where a client must branch on the reason. The services
 * produce it with quarkus-resteasy-problem; most of the gateway's own answers are written at the Vert.x level (the
 * proxy, the router, before any JAX-RS resource runs), where that library does not reach, so the shape is written
 * here, once.
 */
public record Problem(int status, String title, String detail, String instance, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail, String instance) {
        return new Problem(status, HttpResponseStatus.valueOf(status).reasonPhrase(), detail, instance, null);
    }

    public Problem withCode(String code) {
        return new Problem(status, title, detail, instance, code);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("status", status)
                .put("title", title)
                .put("detail", detail)
                .put("instance", instance);
        if (code != null) {
            json.put("code", code);
        }
        return json;
    }

    public Buffer toBuffer() {
        return toJson().toBuffer();
    }

    /** Ends {@code response} with this problem, unless something was already sent (then nothing can be said). */
    public void send(HttpServerResponse response) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Buffer body = toBuffer();
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()))
                .end(body);
    }

    /**
     * Ends {@code response} with this problem and then closes the connection: for answers given before the request
     * body was read (413), where the rest of the connection's bytes are that unread body.
     */
    public void sendAndClose(HttpServerResponse response) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        response.endHandler(ended -> response.close());
        send(response);
    }
}
