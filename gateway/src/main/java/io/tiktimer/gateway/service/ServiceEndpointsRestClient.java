package io.tiktimer.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The operational endpoints every Quarkus service exposes; the base URL is chosen per service at runtime. */
interface ServiceEndpointsRestClient {

    @GET
    @Path("/q/health/ready")
    Response ready();

    @GET
    @Path("/q/openapi")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode openapi(@QueryParam("format") String format);
}
