package io.tiktimer.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Bad requests for every operation of an OpenAPI document, built from the document alone: a new endpoint is covered
 * without new test code. Each {@link Probe} changes one thing of an otherwise plausible request (one parameter, one
 * body field, the body's framing or its content type), so a 5xx points at the input that caused it.
 *
 * <p>The catalogue is data ({@link #PARAMETER_VALUES}, {@link #textValues}, {@link #bodies}, ...): to cover a new
 * kind of bad input, add a value there.
 */
public final class BadInputCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One operation of the document, e.g. {@code PATCH /posts/{id}}. */
    public record Operation(String method, String path, JsonNode spec, JsonNode document) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        public boolean mutates() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        JsonNode bodySchema(String mediaType) {
            JsonNode schema = spec.path("requestBody").path("content").path(mediaType).path("schema");
            return schema.isMissingNode() ? null : resolve(document, schema);
        }

        boolean hasInput() {
            return spec.has("requestBody") || spec.path("parameters").size() > 0;
        }
    }

    /** A request to send: {@code target} is a path with its query string, to be put behind a base URL. */
    public record Probe(Operation operation, String name, String target, String contentType, byte[] body) {
        @Override
        public String toString() {
            return operation + " with " + name;
        }
    }

    /** Path and query values no operation takes; each replaces one parameter. */
    static final List<String> PARAMETER_VALUES = List.of("abc", "-1", "0", "1.5", "99999999999999999999",
            "%00", "%C0%AF", "%E2%28%A1", "+999999999-12-31T23:59:59Z", "2030-02-30T10:00:00Z", "2030-01-01T24:00:00Z",
            "-999999999-01-01T00:00:00Z", "yesterday", "x".repeat(4_000));

    private BadInputCatalogue() {
    }

    /** Every operation of the document, in document order. */
    public static List<Operation> operations(JsonNode openapi) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(),
                            openapi));
                }
            }
        }
        return operations;
    }

    /**
     * The probes for one operation. {@code pathValues} gives real values for path parameters (a post the caller
     * owns), so that probes of the query and body reach the code behind them; unknown parameters get {@code 1}.
     * An operation that takes no input and changes something (say {@code DELETE /users/me}) has no bad input to
     * send; it gets only the probes whose framing no operation can read.
     */
    public static List<Probe> probes(Operation operation, Map<String, String> pathValues) {
        List<Probe> probes = new ArrayList<>();
        Function<Map<String, String>, String> path = overrides -> expand(operation, pathValues, overrides);
        for (JsonNode parameter : operation.parameters("path")) {
            String name = parameter.path("name").asText();
            for (String value : PARAMETER_VALUES) {
                probes.add(new Probe(operation, "path " + name + "=" + shorten(value),
                        path.apply(Map.of(name, value)) + plausibleQuery(operation, null, null), null, null));
            }
        }
        for (JsonNode parameter : operation.parameters("query")) {
            String name = parameter.path("name").asText();
            for (String value : PARAMETER_VALUES) {
                probes.add(new Probe(operation, "query " + name + "=" + shorten(value),
                        path.apply(Map.of()) + plausibleQuery(operation, name, value), null, null));
            }
        }
        String target = path.apply(Map.of()) + plausibleQuery(operation, null, null);
        JsonNode json = operation.bodySchema("application/json");
        if (json != null) {
            jsonProbes(operation, target, json, probes);
        }
        JsonNode form = operation.bodySchema("application/x-www-form-urlencoded");
        if (form != null) {
            formProbes(operation, target, form, probes);
        }
        if (operation.bodySchema("multipart/form-data") != null) {
            multipartProbes(operation, target, probes);
        }
        if (operation.hasInput() || !operation.mutates()) {
            probes.add(new Probe(operation, "a body of the wrong content type", target, "text/plain",
                    bytes("hello")));
            probes.add(new Probe(operation, "a body that says it is XML", target, "application/xml",
                    bytes("<post><content>x</content></post>")));
        }
        return probes;
    }

    private static void jsonProbes(Operation operation, String target, JsonNode schema, List<Probe> probes) {
        String json = "application/json";
        // an operation whose body is optional reads an empty body (and JSON null) as no body: valid input
        boolean optional = !operation.spec().path("requestBody").path("required").asBoolean(false);
        for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
            if (optional && (body.getValue().length == 0 || "null".equals(new String(body.getValue(),
                    StandardCharsets.UTF_8)))) {
                continue;
            }
            probes.add(new Probe(operation, "JSON body " + body.getKey(), target, json, body.getValue()));
        }
        ObjectNode plausible = plausible(operation.document(), schema);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = resolve(operation.document(), property.getValue());
            for (Map.Entry<String, JsonNode> value : wrongValues(type).entrySet()) {
                ObjectNode body = plausible.deepCopy();
                body.set(property.getKey(), value.getValue());
                probes.add(new Probe(operation, "JSON " + property.getKey() + " " + value.getKey(), target, json,
                        write(body)));
            }
        }
    }

    /** Framing and shape: what no JSON operation can read. */
    static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("null", bytes("null"));
        bodies.put("an array", bytes("[{}]"));
        bodies.put("a string", bytes("\"post\""));
        bodies.put("a number", bytes("42"));
        bodies.put("cut off", bytes("{\"content\":\"x"));
        bodies.put("nested 100,000 deep", bytes("[".repeat(100_000) + "]".repeat(100_000)));
        bodies.put("with invalid UTF-8", new byte[]{'{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("with a UTF-8 BOM and garbage", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0, 1, 2});
        return bodies;
    }

    /** For one property: values of the wrong type, and values of its type that cannot be right. */
    static Map<String, JsonNode> wrongValues(JsonNode schema) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        String type = schema.path("type").asText("object");
        values.put("as an object", NODES.objectNode().put("x", 1));
        values.put("as an array", NODES.arrayNode().add(1));
        values.put(type.equals("string") ? "as a number" : "as a string",
                type.equals("string") ? NODES.numberNode(1) : NODES.textNode("abc"));
        values.put("as true", NODES.booleanNode(true));
        switch (type) {
            case "string" -> textValues(schema).forEach((name, text) -> values.put(name, NODES.textNode(text)));
            case "integer", "number" -> {
                values.put("-1", NODES.numberNode(-1));
                values.put("2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
                values.put("1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
                values.put("1.5", NODES.numberNode(1.5));
            }
            case "array" -> {
                ArrayNode huge = NODES.arrayNode();
                for (int i = 0; i < 200_000; i++) {
                    huge.add(i + 1);
                }
                values.put("with 200,000 items", huge);
                values.put("of nulls", NODES.arrayNode().addNull().addNull());
                values.put("of strings", NODES.arrayNode().add("abc").add("\u0000"));
            }
            default -> {
                // objects and booleans: the wrong types above
            }
        }
        return values;
    }

    /** Text a string field (and a date-time field) must refuse or keep unchanged, never fail on. */
    static Map<String, String> textValues(JsonNode schema) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("with NUL", "a\u0000b");
        values.put("with a lone surrogate", "a\uD800b");
        values.put("of 1,000,000 characters", "x".repeat(1_000_000));
        values.put("with CR/LF and a forged log line", "a\r\n2026-01-01 00:00:00 INFO forged");
        if ("date-time".equals(schema.path("format").asText()) || schema.path("format").asText().isEmpty()) {
            for (String date : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                    "+584556084-04-03T02:25:51.616Z", "2030-02-30T10:00:00Z", "2030-01-01T24:00:00Z",
                    "2030-01-01T10:00:00+25:00", "2030-01-01T10:00:00[Mars/Olympus]", "1970-01-01T00:00:00Z",
                    "")) {
                values.put("as the date " + (date.isEmpty() ? "''" : date), date);
            }
        }
        return values;
    }

    private static void formProbes(Operation operation, String target, JsonNode schema, List<Probe> probes) {
        String form = "application/x-www-form-urlencoded";
        List<String> fields = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        String plausible = String.join("&", fields.stream().map(f -> f + "=x").toList());
        for (String field : fields) {
            for (Map.Entry<String, String> value : Map.of("with NUL", "a%00b", "with a bad escape", "a%zz%",
                    "with a lone % at the end", "a%", "of 1,000,000 characters", "x".repeat(1_000_000),
                    "with CR/LF", "a%0D%0Aforged").entrySet()) {
                probes.add(new Probe(operation, "form " + field + " " + value.getKey(), target, form,
                        bytes(plausible.replace(field + "=x", field + "=" + value.getValue()))));
            }
            byte[] invalidUtf8 = (plausible.replace(field + "=x", field + "=")).getBytes(StandardCharsets.ISO_8859_1);
            byte[] withBytes = java.util.Arrays.copyOf(invalidUtf8, invalidUtf8.length + 2);
            withBytes[withBytes.length - 2] = (byte) 0xC3;
            withBytes[withBytes.length - 1] = (byte) 0x28;
            if (plausible.endsWith(field + "=x")) {
                probes.add(new Probe(operation, "form " + field + " with raw invalid UTF-8", target, form, withBytes));
            }
        }
        StringBuilder many = new StringBuilder(plausible);
        for (int i = 0; i < 100_000; i++) {
            many.append("&f").append(i).append("=1");
        }
        probes.add(new Probe(operation, "form with 100,000 fields", target, form, bytes(many.toString())));
        probes.add(new Probe(operation, "form empty", target, form, new byte[0]));
        probes.add(new Probe(operation, "form as JSON", target, "application/json", bytes("{\"username\":1}")));
    }

    private static void multipartProbes(Operation operation, String target, List<Probe> probes) {
        String declared = "multipart/form-data; boundary=declared";
        probes.add(new Probe(operation, "multipart with another boundary", target, declared,
                bytes("--other\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nx\r\n--other--\r\n")));
        probes.add(new Probe(operation, "multipart without its closing boundary", target, declared,
                bytes("--declared\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nx\r\n")));
        probes.add(new Probe(operation, "multipart of headers only", target, declared,
                bytes("--declared\r\nContent-Disposition: form-data; name=\"content\"\r\n")));
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        probes.add(new Probe(operation, "multipart of random bytes", target, declared, random));
        probes.add(new Probe(operation, "multipart without a boundary", target, "multipart/form-data",
                bytes("--x\r\n\r\n")));
        probes.add(new Probe(operation, "multipart content with NUL", target, declared,
                bytes("--declared\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\na\u0000b\r\n"
                        + "--declared--\r\n")));
        probes.add(new Probe(operation, "multipart scheduled_time beyond year 9999", target, declared,
                bytes("--declared\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nx\r\n"
                        + "--declared\r\nContent-Disposition: form-data; name=\"scheduled_time\"\r\n\r\n"
                        + "+999999999-12-31T23:59:59Z\r\n--declared--\r\n")));
        probes.add(new Probe(operation, "multipart empty", target, declared, new byte[0]));
    }

    private static String expand(Operation operation, Map<String, String> known, Map<String, String> overrides) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters("path")) {
            String name = parameter.path("name").asText();
            String value = overrides.containsKey(name) ? overrides.get(name) : known.getOrDefault(name, "1");
            path = path.replace("{" + name + "}", overrides.containsKey(name) ? value
                    : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return path;
    }

    /** Required query parameters get a plausible value; {@code name} (if any) gets {@code value} instead. */
    private static String plausibleQuery(Operation operation, String name, String value) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.parameters("query")) {
            String parameterName = parameter.path("name").asText();
            if (parameterName.equals(name)) {
                pairs.add(parameterName + "=" + (value.startsWith("%") ? value
                        : URLEncoder.encode(value, StandardCharsets.UTF_8)));
            } else if (parameter.path("required").asBoolean(false)) {
                pairs.add(parameterName + "=1");
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static ObjectNode plausible(JsonNode document, JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = resolve(document, property.getValue());
            switch (type.path("type").asText("object")) {
                case "string" -> body.put(property.getKey(), "date-time".equals(type.path("format").asText())
                        ? "2031-01-01T10:00:00Z" : "x");
                case "integer", "number" -> body.put(property.getKey(), 1);
                case "boolean" -> body.put(property.getKey(), false);
                case "array" -> body.putArray(property.getKey());
                default -> body.putObject(property.getKey());
            }
        }
        return body;
    }

    /** Follows {@code $ref} (and a single {@code allOf}) to the schema itself. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText().replaceFirst("^#/", "");
                current = document.at("/" + ref);
            } else if (current.path("allOf").size() == 1) {
                current = current.path("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    private static String shorten(String value) {
        return value.length() <= 30 ? value : value.substring(0, 10) + "…(" + value.length() + " chars)";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
