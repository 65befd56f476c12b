package io.tiktimer.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code ./run}'s supervisor: each process it keeps alive, with its state and restarts. */
interface SupervisorRestClient {

    @GET
    @Path("/processes")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode processes();
}
