package io.tiktimer.servicekit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A body announced larger than the service takes is refused with 413 problem+json before a byte of it is read.
 * Quarkus' own check ({@code quarkus.http.limits.max-body-size}, a Vert.x route at order
 * {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}) answers an empty 413, so this route runs just before it, with the
 * same limit, and answers in the one error shape; Quarkus' check then only sees requests within the limit.
 *
 * <p>A service that takes large uploads on a few paths sets {@code quarkus.http.limits.max-body-size} for them and
 * {@code tiktimer.http.max-body-size} for every other path ({@code tiktimer.http.upload-paths} names the exceptions,
 * exactly, a trailing slash ignored): bodies other than uploads are read into memory, so they must not be allowed
 * gigabytes. A chunked body has no announced length; it is still bounded by Quarkus' own limit.
 */
@Singleton
public class BodyLimitRoute {

    /** Quarkus' default for {@code quarkus.http.limits.max-body-size}. */
    private static final long QUARKUS_DEFAULT_LIMIT = 10240 * 1024L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long uploadLimit;
    private final long otherLimit;
    private final Set<String> uploadPaths;

    public BodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusLimit,
                          @ConfigProperty(name = "tiktimer.http.max-body-size") Optional<MemorySize> otherLimit,
                          @ConfigProperty(name = "tiktimer.http.upload-paths") Optional<List<String>> uploadPaths) {
        this.uploadLimit = quarkusLimit.map(MemorySize::asLongValue).orElse(QUARKUS_DEFAULT_LIMIT);
        this.otherLimit = Math.min(uploadLimit, otherLimit.map(MemorySize::asLongValue).orElse(uploadLimit));
        this.uploadPaths = uploadPaths.orElse(List.of()).stream().map(BodyLimitRoute::withoutTrailingSlash)
                .collect(Collectors.toUnmodifiableSet());
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced == null) {
            context.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0) {
            refuse(context, 400, "The Content-Length header is not a number of bytes");
            return;
        }
        boolean upload = uploadPaths.contains(withoutTrailingSlash(context.normalizedPath()));
        long limit = upload ? uploadLimit : otherLimit;
        if (length > limit) {
            refuse(context, 413, "The body is " + length + " bytes; this operation takes at most " + limit + " bytes");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String detail) {
        ObjectNode body = JSON.createObjectNode().put("status", status).put("title", Problems.title(status))
                .put("detail", detail).put("instance", context.normalizedPath());
        // the body will not be read, so the connection cannot carry another request
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body.toString());
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
