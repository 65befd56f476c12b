package io.tiktimer.auth.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.problem.UnreadableJsonMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST's Jackson reader wraps every JSON failure that is not a {@code MismatchedInputException} (syntax errors,
 * service-kit's unstorable text, nesting limits) in a bare {@code WebApplicationException(400)}, so service-kit's
 * {@link UnreadableJsonMapper} never saw them and the client got "HTTP 400 Bad Request" without the field; and the
 * mismatches themselves went to mappers closer to their type than service-kit's. This hands all of them to
 * service-kit. It belongs in service-kit (auth-service/README.md, "Errors"). Every other framework exception keeps
 * its status and headers and gets a sentence instead of "HTTP 415 Unsupported Media Type".
 */
public class JsonBodyProblemMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    private final UnreadableJsonMapper json = new UnreadableJsonMapper();

    /**
     * Quarkus REST Jackson's own mapper for this type (and quarkus-resteasy-problem's for the two subtypes below) are
     * closer to the exception than service-kit's {@code JsonProcessingException} mapper, so they won and answered
     * {@code {"objectName": "Class", ...}} as application/json.
     */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response mismatched(MismatchedInputException e) {
        return json.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response invalidFormat(InvalidFormatException e) {
        return json.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unrecognized(UnrecognizedPropertyException e) {
        return json.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response wrapped(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return json.unreadable(unreadable);
            }
        }
        Response framework = e.getResponse();
        int status = framework.getStatus();
        String message = e.getMessage();
        String detail = message == null || message.startsWith("HTTP " + status) ? FrameworkAnswers.detail(status)
                : message;
        HttpProblem.Builder problem = Problems.problem(status, detail);
        framework.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(value -> problem.withHeader(name, value));
            }
        });
        return problem.build().toResponse();
    }
}
