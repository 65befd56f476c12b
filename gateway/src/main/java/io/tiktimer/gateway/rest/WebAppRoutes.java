package io.tiktimer.gateway.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's side of the web app, which Quinoa builds from ../webapp and serves under /app/.
 * <ul>
 * <li>A browser opening the root lands in the app; an API client keeps the original welcome message, because it
 * does not ask for HTML (curl and the original SPA send {@code *}{@code /*} or JSON). Decided by the Accept header
 * rather than by moving the welcome, so no seed client notices.</li>
 * <li>A client-side route (a path below /app/ whose last segment has no dot, such as /app/privacy) answers the app's
 * index.html, so a deep link or a reload works. Done here rather than by Quinoa's {@code enable-spa-routing}, whose
 * fallback runs after Quarkus REST: REST resumes the routing on a miss only while no exception mapper covers
 * {@code NotFoundException} ({@code ClassRoutingHandler#throwNotFound}), and the gateway's {@link ProblemMapper}
 * covers it to answer in the one error shape. A missing file (a dot in the name, anything under /app/assets/) stays
 * a 404 problem: a stale script must fail loudly, not be answered with a page.</li>
 * <li>The app's pages (index.html, for every client-side route) are revalidated on each visit; only the
 * content-hashed files under /app/assets/ may be cached. Quarkus' static-resource default (a day, immutable) would
 * keep a browser on yesterday's index.html, pointing at scripts a new deployment no longer has.</li>
 * </ul>
 */
@ApplicationScoped
public class WebAppRoutes {

    static final String APP = "/app/";
    private static final String ASSETS = "/app/assets/";
    /** After the reverse proxy (which never routes these paths), before the JAX-RS resources and Quinoa. */
    private static final int BEFORE_RESOURCES = -9_000;

    void install(@Observes Router router) {
        router.get("/").order(BEFORE_RESOURCES).handler(this::rootForBrowsers);
        // A regular expression: Vert.x's plain path "/app" would also match everything below /app/.
        router.getWithRegex("^/app$").order(BEFORE_RESOURCES).handler(context -> seeOther(context, APP));
        router.route("/app/*").order(BEFORE_RESOURCES).handler(this::revalidatePages);
        router.get("/app/*").order(BEFORE_RESOURCES + 1).handler(this::clientSideRoutes);
    }

    private void rootForBrowsers(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            seeOther(context, APP);
        } else {
            context.next();
        }
    }

    private void revalidatePages(RoutingContext context) {
        if (!context.normalizedPath().startsWith(ASSETS)) {
            context.addHeadersEndHandler(ignored -> context.response().headers()
                    .set(HttpHeaders.CACHE_CONTROL, "no-cache"));
        }
        context.next();
    }

    private void clientSideRoutes(RoutingContext context) {
        String path = context.normalizedPath();
        if (isClientSideRoute(path)) {
            context.reroute(APP);
        } else {
            context.next();
        }
    }

    static boolean isClientSideRoute(String path) {
        if (!path.startsWith(APP) || path.equals(APP) || path.startsWith(ASSETS)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private static void seeOther(RoutingContext context, String location) {
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
    }
}
