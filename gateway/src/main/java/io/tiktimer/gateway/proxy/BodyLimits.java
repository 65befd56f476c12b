package io.tiktimer.gateway.proxy;

/**
 * The largest request body the gateway passes on for a path: large for the routes marked {@code body: upload},
 * small for everything else (JSON and form bodies, and the gateway's own endpoints, which read none).
 */
public final class BodyLimits {

    private final RouteTable routes;
    private final long small;
    private final long upload;

    public BodyLimits(RouteTable routes, long small, long upload) {
        this.routes = routes;
        this.small = small;
        this.upload = upload;
    }

    public long forPath(String normalisedPath) {
        return routes.routeFor(normalisedPath).filter(Route::takesUploads).map(route -> upload).orElse(small);
    }
}
