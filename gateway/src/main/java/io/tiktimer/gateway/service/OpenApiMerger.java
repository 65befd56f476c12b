package io.tiktimer.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiktimer.gateway.proxy.Route;
import io.tiktimer.gateway.proxy.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One OpenAPI document for the whole public API: each service's paths that the route table sends to that service
 * (so internal endpoints never appear), with their schemas and security schemes.
 */
@ApplicationScoped
public class OpenApiMerger {

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);

    private final ServiceDirectory directory;
    private final RouteTable routes;
    private final ObjectMapper mapper;

    public OpenApiMerger(ServiceDirectory directory, RouteTable routes, ObjectMapper mapper) {
        this.directory = directory;
        this.routes = routes;
        this.mapper = mapper;
    }

    public ObjectNode merged() {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.putObject("info")
                .put("title", "TikTimer API")
                .put("version", "0.1.0")
                .put("description", "Schedule and publish TikTok posts. Every path is served through this gateway.");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        ArrayNode unavailable = mapper.createArrayNode();

        for (Map.Entry<String, ServiceEndpointsRestClient> entry : directory.clients().entrySet()) {
            String service = entry.getKey();
            if (!routes.services().contains(service)) {
                continue;
            }
            JsonNode document;
            try {
                document = entry.getValue().openapi("json");
            } catch (RuntimeException e) {
                unavailable.add(service);
                continue;
            }
            copyRoutedPaths(service, document.path("paths"), paths);
            mergeComponents(service, document.path("components"), components);
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        if (!unavailable.isEmpty()) {
            merged.set("x-unavailable-services", unavailable);
        }
        return merged;
    }

    private void copyRoutedPaths(String service, JsonNode servicePaths, ObjectNode paths) {
        Iterator<Map.Entry<String, JsonNode>> fields = servicePaths.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> path = fields.next();
            Optional<Route> route = routes.routeFor(path.getKey());
            if (route.isPresent() && route.get().service().equals(service)) {
                paths.set(path.getKey(), path.getValue());
            }
        }
    }

    private static void mergeComponents(String service, JsonNode serviceComponents, ObjectNode components) {
        Iterator<Map.Entry<String, JsonNode>> kinds = serviceComponents.fields();
        while (kinds.hasNext()) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            ObjectNode target = components.has(kind.getKey())
                    ? (ObjectNode) components.get(kind.getKey())
                    : components.putObject(kind.getKey());
            Iterator<Map.Entry<String, JsonNode>> items = kind.getValue().fields();
            while (items.hasNext()) {
                Map.Entry<String, JsonNode> item = items.next();
                JsonNode existing = target.get(item.getKey());
                if (existing == null) {
                    target.set(item.getKey(), item.getValue());
                } else if (!existing.equals(item.getValue())) {
                    LOG.warnf("%s defines components.%s.%s differently from another service; keeping the first",
                            service, kind.getKey(), item.getKey());
                }
            }
        }
    }
}
