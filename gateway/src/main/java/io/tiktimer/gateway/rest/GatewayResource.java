package io.tiktimer.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiktimer.gateway.service.HealthService;
import io.tiktimer.gateway.service.OpenApiMerger;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's own endpoints; everything else is forwarded to the services. */
@Path("/")
@Tag(name = "gateway", description = "Entry point, aggregated health and the merged API description")
@PermitAll
public class GatewayResource {

    static final String API_VERSION = "0.1.0";

    private final HealthService health;
    private final OpenApiMerger openApi;

    public GatewayResource(HealthService health, OpenApiMerger openApi) {
        this.health = health;
        this.openApi = openApi;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Welcome message (kept from the original API)")
    public Map<String, String> welcome() {
        return Map.of("message", "Welcome to the Social Media Scheduler API");
    }

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness of the whole system",
            description = "200 when every service is ready; 503 naming the services that are not. Under ./run, "
                    + "`processes` (or `detail.processes`) shows what its supervisor restarted.")
    @APIResponse(responseCode = "200", description = "All services ready")
    @APIResponse(responseCode = "503", description = "At least one service is down; `detail.services` says which")
    public Response health() {
        Map<String, String> services = health.readiness();
        boolean allUp = services.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        if (allUp) {
            body.put("status", "healthy");
            body.put("api_version", API_VERSION);
            body.put("timestamp", Instant.now().toString());
            body.put("database", "connected");
            body.put("service", "tiktimer-api");
            body.put("services", services);
            health.processes().ifPresent(processes -> body.put("processes", processes));
            return Response.ok(body).build();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", "unhealthy");
        detail.put("api_version", API_VERSION);
        detail.put("timestamp", Instant.now().toString());
        detail.put("service", "tiktimer-api");
        detail.put("down", services.entrySet().stream().filter(e -> !"UP".equals(e.getValue()))
                .map(Map.Entry::getKey).toList());
        detail.put("services", services);
        health.processes().ifPresent(processes -> detail.put("processes", processes));
        body.put("detail", detail);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }

    @GET
    @Path("openapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of the whole public API, merged from every service")
    public ObjectNode openapi() {
        return openApi.merged();
    }
}
