package io.tiktimer.tiktok.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.problem.UnreadableJsonMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Hands the Jackson failures to service-kit's {@link UnreadableJsonMapper}, which registers for their common supertype
 * only. Exception mappers are chosen by the most specific type before priority, so quarkus-rest-jackson's own mapper
 * for {@code MismatchedInputException} (an empty 400, or one with Java details) and quarkus-resteasy-problem's for
 * {@code InvalidFormatException} (Jackson's message, Java type names included) won over the kit's for these types.
 * Without a {@code code} or a field name those answers left the client guessing. The same goes for the
 * {@code WebApplicationException}s RESTEasy Reactive throws itself (malformed JSON wrapped in a 400, 405, 406, 415),
 * whose detail was only "HTTP 415 Unsupported Media Type".
 */
public class UnreadableRequestMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    private final UnreadableJsonMapper kit = new UnreadableJsonMapper();

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response mismatched(MismatchedInputException e) {
        return kit.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response invalidFormat(InvalidFormatException e) {
        return kit.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response instantiation(ValueInstantiationException e) {
        return kit.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response mapping(JsonMappingException e) {
        return kit.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response parse(JsonParseException e) {
        return kit.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response constraints(StreamConstraintsException e) {
        return kit.unreadable(e);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return kit.unreadable(json);
        }
        int status = e.getResponse().getStatus();
        String message = e.getMessage();
        String detail = message != null && !message.startsWith("HTTP ") ? message : switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "No resource at this path";
            case 405 -> "This path does not take the request's method";
            case 406 -> "This operation cannot answer in a media type the request accepts";
            case 415 -> "This operation does not take the request's Content-Type (send application/json)";
            default -> Problems.title(status);
        };
        var problem = Problems.problem(status, detail);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> problem.withHeader(name, v));
            }
        });
        return problem.build().toResponse();
    }
}
