package io.tiktimer.gateway.rest;

import io.tiktimer.gateway.proxy.ReverseProxy;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's own JAX-RS endpoints answer failures (a wrong method, an unacceptable media type, a bug) in the one
 * error shape. The services get this from quarkus-resteasy-problem through service-kit; the gateway has three GET
 * endpoints and writes the shape itself for its Vert.x-level answers anyway ({@link Problem}).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder answer = Response.fromResponse(e.getResponse()).entity(null);
        Problem problem = Problem.of(status, detail(status), "/" + uri.getPath().replaceFirst("^/", ""));
        return answer.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity((status == 404 ? problem.withCode(ReverseProxy.NO_ROUTE) : problem).toJson().encode())
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("gateway endpoint failed", e);
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, "The gateway failed to answer the request.",
                        "/" + uri.getPath().replaceFirst("^/", "")).toJson().encode())
                .build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "This content type is not accepted here.";
            default -> status >= 500 ? "The gateway failed to answer the request." : "The request was refused.";
        };
    }
}
