package io.tiktimer.gateway.proxy;

import io.tiktimer.gateway.rest.Problem;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns a failed exchange with the service into an answer the client can act on (Vert.x's proxy would send an empty
 * 502 for all of them): 413 when the client's streamed body grew past the route's limit, 503 with Retry-After when the
 * service cannot be reached, 504 when it did not answer in time, 502 when it broke off.
 */
final class UpstreamFailures implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private final String service;
    private final Duration timeout;
    private final BodyLimits limits;

    UpstreamFailures(String service, Duration timeout, BodyLimits limits) {
        this.service = service;
        this.timeout = timeout;
        this.limits = limits;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(answer(context, failure)));
    }

    private ProxyResponse answer(ProxyContext context, Throwable failure) {
        String path = context.request().proxiedRequest().path();
        ProxyResponse response = context.request().release().response();
        Problem problem;
        if (Boolean.TRUE.equals(context.get(UpstreamRequest.TOO_LARGE, Boolean.class))) {
            long limit = limits.forPath(((RequestPath.Normal) RequestPath.normalise(path)).path());
            problem = Problem.of(413, "The request body is larger than this endpoint accepts (" + limit
                    + " bytes).", path).withCode("body_too_large");
            // The rest of the connection is the unread remainder of that body.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            HttpServerResponse client = context.request().proxiedRequest().response();
            client.endHandler(ended -> client.close());
        } else if (failure instanceof ConnectException) {
            problem = Problem.of(503, service + " is not reachable at the moment; try again shortly.", path)
                    .withCode("service_unavailable");
            response.putHeader(HttpHeaders.RETRY_AFTER, "5");
        } else if (failure instanceof TimeoutException) {
            problem = Problem.of(504, service + " did not answer within " + timeout.toSeconds() + " s.", path)
                    .withCode("service_timeout");
        } else {
            problem = Problem.of(502, service + " broke off the exchange without a complete answer.", path)
                    .withCode("bad_gateway");
        }
        if (problem.status() != 413) {
            // The normalised path only: a query string may carry an OAuth code or a token.
            LOG.warnf("%s %s: %s failed, answered %d (%s)", context.request().proxiedRequest().method(),
                    ((RequestPath.Normal) RequestPath.normalise(path)).path(), service, problem.status(),
                    failure.getClass().getSimpleName());
        }
        return response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toBuffer()));
    }
}
