package io.tiktimer.post.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations a service's OpenAPI document describes, with what the bad-input catalogue needs of each: path and
 * query parameters with their schema type, and the request body's media types with their (resolved) schemas.
 * Generic: it knows OpenAPI, not any TikTimer service.
 */
public final class OpenApiOperations {

    public record Parameter(String name, String in, String type) {
    }

    /** One property of a body schema: its name and JSON type ({@code string}, {@code integer}, … ; binary files too). */
    public record Property(String name, String type, String format, String itemType) {
        public boolean binary() {
            return "string".equals(type) && "binary".equals(format);
        }
    }

    public record Body(boolean required, Map<String, List<Property>> propertiesByMediaType) {
        public boolean accepts(String mediaTypePrefix) {
            return propertiesByMediaType.keySet().stream().anyMatch(m -> m.startsWith(mediaTypePrefix));
        }

        public List<Property> properties(String mediaTypePrefix) {
            return propertiesByMediaType.entrySet().stream().filter(e -> e.getKey().startsWith(mediaTypePrefix))
                    .findFirst().map(Map.Entry::getValue).orElse(List.of());
        }

        /** A body that is a JSON object (not a raw string or bytes). */
        public boolean jsonObject() {
            return accepts("application/json") && !properties("application/json").isEmpty();
        }
    }

    public record Operation(String method, String path, List<Parameter> parameters, Body body) {
        public boolean safe() {
            return method.equals("GET") || method.equals("HEAD");
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    public static List<Operation> read(String openApiJson) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(openApiJson);
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Parameter> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode schema = resolve(doc, p.path("schema"));
                    params.add(new Parameter(p.path("name").asText(), p.path("in").asText(), schema.path("type").asText("string")));
                }
                Body body = null;
                JsonNode requestBody = op.getValue().path("requestBody");
                if (!requestBody.isMissingNode()) {
                    Map<String, List<Property>> byType = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> content = requestBody.path("content").fields(); content.hasNext(); ) {
                        Map.Entry<String, JsonNode> c = content.next();
                        byType.put(c.getKey(), properties(doc, resolve(doc, c.getValue().path("schema"))));
                    }
                    body = new Body(requestBody.path("required").asBoolean(false), byType);
                }
                operations.add(new Operation(method, path.getKey(), params, body));
            }
        }
        return operations;
    }

    private static List<Property> properties(JsonNode doc, JsonNode schema) {
        List<Property> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode s = resolve(doc, p.getValue());
            out.add(new Property(p.getKey(), s.path("type").asText("object"), s.path("format").asText(null),
                    resolve(doc, s.path("items")).path("type").asText(null)));
        }
        return out;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = doc.at(ref.substring(1)); // "#/components/schemas/X" → "/components/schemas/X"
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(doc, s.get("allOf").get(0));
        }
        return s;
    }
}
