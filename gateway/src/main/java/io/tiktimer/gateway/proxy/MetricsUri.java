package io.tiktimer.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;

/**
 * The {@code uri} tag of {@code http_server_requests_seconds} for what the proxy answers. Micrometer's Vert.x binder
 * tags a request with the template its handler stored under {@value #TEMPLATE_KEY} in the request's context (Quarkus
 * REST does this for its own endpoints) and otherwise with the raw path: every post id would become a series of its
 * own, and a client sending random paths could grow the registry without bound.
 */
final class MetricsUri {

    /** The context key Quarkus' Micrometer binder reads the path template from. */
    static final String TEMPLATE_KEY = "UrlPathTemplate";
    /** One series for every request the gateway refuses before it knows a route (bad path, head too large). */
    static final String REFUSED = "/{refused}";

    private MetricsUri() {
    }

    /** Tags the request with its route as routes.yaml writes it, e.g. {@code /posts/**}. */
    static void route(HttpServerRequest request, Route route) {
        tag(request, route.path());
    }

    static void refused(HttpServerRequest request) {
        tag(request, REFUSED);
    }

    @SuppressWarnings("deprecation") // Context.putLocal is what the binder's getLocal reads; no other API reaches it
    private static void tag(HttpServerRequest request, String template) {
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(TEMPLATE_KEY, template);
        }
    }
}
