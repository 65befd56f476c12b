package io.tiktimer.auth.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tiktimer.servicekit.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with 413 problem+json, from the
 * request head alone. Quarkus refuses it too, one route later, but with an empty body (its upload-limit route writes
 * the status and ends the response, so no exception mapper or failure handler ever sees it). Like Quarkus, the
 * connection is closed after the answer: the unread body must not be taken for the next request.
 */
@ApplicationScoped
public class BodyLimitProblem {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseTooLarge);
    }

    private void refuseTooLarge(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !tooLarge(length)) {
            context.next();
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", 413);
        problem.put("title", Problems.title(413));
        problem.put("detail", "The request body is larger than this service takes (at most " + maxBodyBytes
                + " bytes)");
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponseFilter.PROBLEM_JSON.toString())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(body);
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x's HTTP codec refuses a malformed Content-Length before we are asked
        }
    }
}
