package io.tiktimer.servicekit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * The answers RESTEasy Reactive itself gives as {@link WebApplicationException}s, in the one problem shape with a
 * detail a client can act on. quarkus-resteasy-problem's own mapper for them copies the exception's message, which for
 * these is only the status line ({@code HTTP 415 Unsupported Media Type}), and cannot see that Quarkus' JSON reader
 * wrapped a syntax error, invalid UTF-8 or unstorable text in a plain 400: those are answered by
 * {@link UnreadableJsonMapper}, naming the field.
 */
public class WebApplicationProblemMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response webApplication(WebApplicationException e, HttpHeaders request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return UnreadableJsonMapper.toProblem(json).toResponse();
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        HttpProblem.Builder problem = Problems.problem(status, detail(status, e, original, request));
        if (original != null) {
            for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
                String name = header.getKey();
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    header.getValue().forEach(value -> problem.withHeader(name, value));
                }
            }
        }
        return problem.build().toResponse();
    }

    private static String detail(int status, WebApplicationException e, Response original, HttpHeaders request) {
        String message = e.getMessage();
        boolean onlyTheStatusLine = message == null || message.startsWith("HTTP " + status);
        if (!onlyTheStatusLine) {
            return message;
        }
        return switch (status) {
            case 400 -> "The request cannot be read";
            case 405 -> "This method is not allowed here" + allowed(original);
            case 413 -> "The body, or one of its form fields, is larger than this operation takes";
            case 406 -> "This operation cannot answer in any of the media types the Accept header lists";
            case 415 -> "This operation does not accept the Content-Type "
                    + (request.getMediaType() == null ? "(none given)" : "'" + request.getMediaType() + "'");
            default -> Problems.title(status);
        };
    }

    private static String allowed(Response original) {
        String allow = original == null ? null : original.getHeaderString("Allow");
        return allow == null || allow.isBlank() ? "" : " (allowed: " + allow + ")";
    }
}
