package io.tiktimer.servicekit.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;

/**
 * A path or query parameter that does not convert ({@code ?page=abc}, {@code /posts/x}) is a 400 naming the parameter.
 * Jakarta REST prescribes 404 for it (RESTEasy Reactive throws a {@code NotFoundException} caused by the conversion
 * failure), which tells a client the resource is missing when the request is what is wrong. The failure does not say
 * which parameter failed, so the parameters of the matched method are tried in turn.
 */
public class ParameterProblemMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response notFound(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() == null || e.getCause() instanceof WebApplicationException
                || resource == null || resource.getResourceMethod() == null) {
            String message = e.getMessage();
            String detail = message == null || message.startsWith("HTTP 404") ? "No resource at this path" : message;
            return Problems.problem(404, detail).build().toResponse();
        }
        return unconvertible(resource.getResourceMethod(), uri).toResponse();
    }

    private static io.quarkiverse.resteasy.problem.HttpProblem unconvertible(Method method, UriInfo uri) {
        for (Parameter parameter : method.getParameters()) {
            String query = queryName(parameter);
            if (query != null && !converts(parameter.getType(), uri.getQueryParameters().get(query))) {
                return Problems.unreadable(query, Problems.In.QUERY, mustBe(parameter.getType()));
            }
            String path = pathName(parameter);
            if (path != null && !converts(parameter.getType(), uri.getPathParameters().get(path))) {
                return Problems.unreadable(path, Problems.In.PATH, mustBe(parameter.getType()));
            }
        }
        return Problems.badRequest("A path or query parameter does not have the expected type");
    }

    private static String mustBe(Class<?> type) {
        return UnreadableJsonMapper.mustBe(type).replace("an ISO-8601 date-time string", "an ISO-8601 date-time");
    }

    private static String queryName(Parameter parameter) {
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return parameter.getAnnotation(QueryParam.class).value();
        }
        if (parameter.isAnnotationPresent(RestQuery.class)) {
            String name = parameter.getAnnotation(RestQuery.class).value();
            return name.isEmpty() ? parameter.getName() : name;
        }
        return null;
    }

    private static String pathName(Parameter parameter) {
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return parameter.getAnnotation(PathParam.class).value();
        }
        if (parameter.isAnnotationPresent(RestPath.class)) {
            String name = parameter.getAnnotation(RestPath.class).value();
            return name.isEmpty() ? parameter.getName() : name;
        }
        return null;
    }

    /** Only the whole-number types our APIs take; anything else is left to the generic answer. */
    private static boolean converts(Class<?> type, List<String> values) {
        if (values == null) {
            return true;
        }
        for (String value : values) {
            try {
                if (type == long.class || type == Long.class) {
                    Long.parseLong(value);
                } else if (type == int.class || type == Integer.class) {
                    Integer.parseInt(value);
                } else {
                    return true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
