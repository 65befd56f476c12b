package io.tiktimer.deploy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The deployment descriptors as parsed documents: compose with Jackson YAML, Terraform with hcl4j. */
final class Descriptors {

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    /** The services and their deployables, in one place so the tests and their messages agree. */
    static final List<String> QUARKUS_SERVICES = List.of("auth-service", "tiktok-service", "post-service",
            "publisher-worker");

    /** What runs as an ECS service on AWS: the services, and the gateway, which serves the web app there. */
    static final List<String> ECS_SERVICES = Stream.concat(QUARKUS_SERVICES.stream(), Stream.of("gateway")).toList();

    private Descriptors() {
    }

    static Path repoRoot() {
        String configured = System.getProperty("tiktimer.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static JsonNode compose() {
        return yaml(repoRoot().resolve("docker-compose.yml"));
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    /** One Terraform file as hcl4j's map: {resource: {type: {name: attributes}}, locals: {...}, ...}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> terraformFile(String name) {
        Path file = repoRoot().resolve("deploy/terraform").resolve(name);
        try {
            return new HCLParser().parse(file.toFile(), "UTF-8");
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file + " as HCL", e);
        }
    }

    /** All locals of the root module, merged over its files. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> terraformLocals() {
        Map<String, Object> locals = new LinkedHashMap<>();
        try (var files = Files.list(repoRoot().resolve("deploy/terraform"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                Object block = terraformFile(file.getFileName().toString()).get("locals");
                if (block instanceof Map<?, ?> map) {
                    locals.putAll((Map<String, Object>) map);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return locals;
    }

    /** The attributes of {@code resource "<type>" "<name>"} in the given file, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> terraformResource(String file, String type, String name) {
        Map<String, Object> resources = (Map<String, Object>) terraformFile(file).get("resource");
        if (resources == null || !(resources.get(type) instanceof Map<?, ?> ofType)) {
            return null;
        }
        return (Map<String, Object>) ofType.get(name);
    }

    static JsonNode json(Object value) {
        try {
            return value instanceof String text ? JSON.readTree(text) : JSON.valueToTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Environment of a compose service as a map, whichever of the two compose syntaxes it uses. */
    static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            node.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        return environment;
    }
}
