package io.tiktimer.gateway.proxy;

import io.quarkus.runtime.StartupEvent;
import io.tiktimer.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.Optional;

/**
 * Forwards every request whose path is in the route table to its service with Vert.x's HTTP proxy, which streams
 * bodies both ways (a 300 MB upload passes through without being buffered). Paths not in the table fall through to
 * the gateway's own endpoints, or 404.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** Runs before Quarkus' own routes, so a routed path never reaches the gateway's JAX-RS resources. */
    private static final int BEFORE_EVERYTHING = -10_000;

    private final RouteTable routes;
    private final GatewayConfig config;
    private final Map<String, HttpProxy> proxies = new HashMap<>();

    public ReverseProxy(RouteTable routes, GatewayConfig config) {
        this.routes = routes;
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        for (String service : routes.services()) {
            URI base = Optional.ofNullable(config.services().get(service)).orElseThrow(() ->
                    new IllegalStateException("routes.yaml routes to " + service + " but gateway.services."
                            + service + " is not configured"));
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setMaxPoolSize(64)
                    .setKeepAlive(true));
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(port(base), base.getHost());
            proxy.addInterceptor(new ForwardedHeaders());
            proxies.put(service, proxy);
        }
        router.route().order(BEFORE_EVERYTHING).handler(this::forward);
    }

    void logRoutes(@Observes StartupEvent started) {
        routes.routes().forEach(route -> LOG.infof("route %s -> %s", route.path(), route.service()));
    }

    private void forward(RoutingContext context) {
        Optional<Route> route = routes.routeFor(context.normalizedPath());
        if (route.isEmpty()) {
            context.next();
            return;
        }
        proxies.get(route.get().service()).handle(context.request());
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
