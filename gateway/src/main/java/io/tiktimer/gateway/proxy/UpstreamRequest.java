package io.tiktimer.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.time.Duration;

/**
 * Shapes what the service receives: the normalised path (Vert.x's proxy would forward the client's raw URI), the
 * client's query string untouched, no {@code Expect} header (the gateway answered it), and the body counted against
 * the route's limit. Starts the service's time to answer when the body has been passed on.
 */
final class UpstreamRequest implements ProxyInterceptor {

    /** Context attachments shared with {@link UpstreamFailures} and the origin provider. */
    static final String TOO_LARGE = "tiktimer.body-too-large";
    static final String ORIGIN_REQUEST = "tiktimer.origin-request";

    private final BodyLimits limits;
    private final Duration timeout;

    UpstreamRequest(BodyLimits limits, Duration timeout) {
        this.limits = limits;
        this.timeout = timeout;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        // ReverseProxy refused every path without a normal form before handing the request to the proxy.
        String path = ((RequestPath.Normal) RequestPath.normalise(incoming.path())).path();
        request.setURI(incoming.query() == null ? path : path + "?" + incoming.query());
        request.headers().remove(HttpHeaders.EXPECT);

        Body body = request.getBody();
        if (body != null) {
            request.setBody(Body.body(new UpstreamBody(body.stream(), limits.forPath(path),
                    () -> context.set(TOO_LARGE, Boolean.TRUE),
                    () -> startAnswerTimer(context)), body.length()));
        }
        return context.sendRequest();
    }

    private void startAnswerTimer(ProxyContext context) {
        HttpClientRequest origin = context.get(ORIGIN_REQUEST, HttpClientRequest.class);
        if (origin != null) {
            origin.idleTimeout(timeout.toMillis());
        }
    }
}
