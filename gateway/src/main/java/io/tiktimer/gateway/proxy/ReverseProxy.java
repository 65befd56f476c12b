package io.tiktimer.gateway.proxy;

import io.quarkus.runtime.StartupEvent;
import io.tiktimer.gateway.config.GatewayConfig;
import io.tiktimer.gateway.rest.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * Forwards every request whose normalised path is in the route table to its service with Vert.x's HTTP proxy, which
 * streams bodies both ways (a 300 MB upload passes through without being buffered). Before anything else runs it
 * answers, as problem+json, what no service should see: paths without a normal form or outside the table, bodies over
 * the route's limit (on Content-Length, before a byte of the body is read), request lines and headers over the limits.
 * Canonical paths not in the table fall through to the gateway's own endpoints, or 404.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** Runs before Quarkus' own routes, so a routed path never reaches the gateway's JAX-RS resources. */
    private static final int BEFORE_EVERYTHING = -10_000;
    /**
     * The code of the gateway's own 404: no route for this path at all, as opposed to a service's 404 for a resource
     * it does not have (or does not show this caller).
     */
    public static final String NO_ROUTE = "no_route";

    private final RouteTable routes;
    private final GatewayConfig config;
    private final BodyLimits bodyLimits;
    private final Map<String, HttpProxy> proxies = new HashMap<>();

    public ReverseProxy(RouteTable routes, GatewayConfig config) {
        this.routes = routes;
        this.config = config;
        this.bodyLimits = new BodyLimits(routes, config.limits().smallBody().asLongValue(),
                config.limits().uploadBody().asLongValue());
    }

    void install(@Observes Router router, Vertx vertx) {
        for (String service : routes.services()) {
            URI base = Optional.ofNullable(config.services().get(service)).orElseThrow(() ->
                    new IllegalStateException("routes.yaml routes to " + service + " but gateway.services."
                            + service + " is not configured"));
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setMaxPoolSize(64)
                    .setKeepAlive(true)
                    .setConnectTimeout((int) config.upstream().connectTimeout().toMillis()));
            RequestOptions origin = new RequestOptions().setHost(base.getHost()).setPort(port(base));
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(context -> context.client().request(origin)
                    .onSuccess(request -> context.set(UpstreamRequest.ORIGIN_REQUEST, request)));
            proxy.addInterceptor(new ForwardedHeaders());
            proxy.addInterceptor(new ResponsePolicy(routes));
            proxy.addInterceptor(new UpstreamFailures(service, config.upstream().timeout(), bodyLimits));
            proxy.addInterceptor(new UpstreamRequest(bodyLimits, config.upstream().timeout()));
            proxies.put(service, proxy);
        }
        router.route().order(BEFORE_EVERYTHING).handler(this::forward);
        // The router's own answers (no route, a failed handler) would be Vert.x's HTML pages or empty bodies.
        for (int status : new int[] {400, 404, 405, 406, 413, 415, 500, 501, 503}) {
            router.errorHandler(status, context -> {
                Problem problem = Problem.of(status, routerDetail(status), context.request().path());
                (status == 404 ? problem.withCode(NO_ROUTE) : problem).send(context.response());
            });
        }
    }

    void logRoutes(@Observes StartupEvent started) {
        routes.routes().forEach(route -> LOG.infof("route %s -> %s", route.path(), route.service()));
    }

    private void forward(RoutingContext context) {
        HttpServerRequest request = context.request();
        String rawPath = request.path();
        Optional<Problem> tooLarge = headTooLarge(request);
        if (tooLarge.isPresent()) {
            MetricsUri.refused(request);
            tooLarge.get().sendAndClose(request.response());
            return;
        }
        RequestPath.Outcome outcome = RequestPath.normalise(rawPath);
        if (outcome instanceof RequestPath.Refused refused) {
            MetricsUri.refused(request);
            Problem problem = Problem.of(refused.status(), refused.detail(), rawPath);
            (refused.status() == 404 ? problem.withCode(NO_ROUTE) : problem).send(request.response());
            return;
        }
        RequestPath.Normal normal = (RequestPath.Normal) outcome;
        Optional<Route> route = routes.routeFor(normal.path());
        if (route.isEmpty() && !normal.canonical()) {
            // A spelling that needed normalising is only ever a way to a service, never to the gateway's own /q/*.
            MetricsUri.refused(request);
            Problem.of(404, "No such resource.", rawPath).withCode(NO_ROUTE).send(request.response());
            return;
        }
        route.ifPresent(r -> MetricsUri.route(request, r));
        Optional<Problem> badBody = bodyProblem(request, bodyLimits.forPath(normal.path()), rawPath);
        if (badBody.isPresent()) {
            badBody.get().sendAndClose(request.response());
            return;
        }
        if (route.isEmpty()) {
            context.next();
            return;
        }
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // The gateway decides on the body (its size was checked above); the service never sees the Expect.
            request.response().writeContinue();
        }
        proxies.get(route.get().service()).handle(request);
    }

    /**
     * Request lines and headers over our limits, answered as problem+json. The HTTP codec has higher limits (and
     * answers beyond them with an empty 414/431, see application.properties) because Vert.x calls no application code
     * for a request it could not decode, and Quarkus does not expose the server to set its invalid-request handler.
     */
    private Optional<Problem> headTooLarge(HttpServerRequest request) {
        String path = request.path() == null ? "/" : request.path();
        int requestLine = request.method().name().length() + 1 + request.uri().length() + " HTTP/1.1".length();
        if (requestLine > config.limits().requestLine()) {
            return Optional.of(Problem.of(414, "The request line is " + requestLine + " characters long; at most "
                    + config.limits().requestLine() + " are accepted.", truncated(path)).withCode("uri_too_long"));
        }
        long headerBytes = 0;
        for (Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        long limit = config.limits().headers().asLongValue();
        if (headerBytes > limit) {
            return Optional.of(Problem.of(431, "The request headers take " + headerBytes + " bytes; at most " + limit
                    + " are accepted.", truncated(path)).withCode("headers_too_large"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> bodyProblem(HttpServerRequest request, long limit, String path) {
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null && !transferEncoding.equals("chunked")) {
            return Optional.of(Problem.of(400, "Transfer-Encoding '" + transferEncoding
                    + "' is not supported; send the body chunked or with a Content-Length.", path));
        }
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength == null) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0) {
            return Optional.of(Problem.of(400, "Content-Length is not a number of bytes.", path));
        }
        if (length > limit) {
            return Optional.of(Problem.of(413, "The request body is " + length + " bytes; this endpoint accepts at "
                    + "most " + limit + ".", path).withCode("body_too_large"));
        }
        return Optional.empty();
    }

    private static String truncated(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }

    private static String routerDetail(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not accepted here.";
            case 400 -> "The request could not be read.";
            default -> "The gateway failed to answer the request.";
        };
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Tells the service who the client is (login throttling is per client address) and how it reached us, the
     * standard way; the services trust these headers only from the gateway's address. The gateway is the edge, so
     * whatever X-Forwarded-* a client sent is replaced, never appended to: services read the first entry, and a
     * client must not be able to choose it.
     */
    private static final class ForwardedHeaders implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            var headers = context.request().headers();
            String client = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
            headers.set("X-Forwarded-For", client);
            headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
            }
            return context.sendRequest();
        }
    }
}
