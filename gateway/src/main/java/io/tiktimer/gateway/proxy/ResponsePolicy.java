package io.tiktimer.gateway.proxy;

import io.tiktimer.gateway.rest.Problem;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.List;

/**
 * What every answer from a service gets on its way out: an error without a body becomes a problem+json of the same
 * status (its headers, such as Retry-After and WWW-Authenticate, kept); personal data gets
 * {@code Cache-Control: no-store} unless the service chose a policy; and the gateway's security headers, which
 * Quarkus has already put on the response ({@code quarkus.http.header.*}), are not sent twice.
 */
final class ResponsePolicy implements ProxyInterceptor {

    /** Set by quarkus.http.header.* for every answer; a service's own copy would only duplicate them. */
    static final List<String> GATEWAY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy");

    private final RouteTable routes;

    ResponsePolicy(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        var request = context.request().proxiedRequest();
        if (response.getStatusCode() >= 400 && isEmpty(response.getBody()) && request.method() != HttpMethod.HEAD) {
            Problem problem = Problem.of(response.getStatusCode(), detail(response.getStatusCode()), request.path());
            response.headers().remove(HttpHeaders.CONTENT_LENGTH);
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).setBody(Body.body(problem.toBuffer()));
        }
        GATEWAY_HEADERS.forEach(response.headers()::remove);
        String path = ((RequestPath.Normal) RequestPath.normalise(request.path())).path();
        boolean cacheable = routes.routeFor(path).map(Route::isCacheable).orElse(false);
        if (!cacheable && !response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return context.sendResponse();
    }

    private static boolean isEmpty(Body body) {
        return body == null || body.length() == 0;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 401 -> "Authentication is required: send a valid bearer token.";
            case 403 -> "This operation is not allowed for the caller.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 409 -> "The request conflicts with the resource's current state.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "This content type is not accepted here.";
            case 429 -> "Too many requests: retry after the time in Retry-After.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is unavailable at the moment; try again shortly.";
            default -> status >= 500 ? "The service failed to answer the request." : "The request was refused.";
        };
    }
}
