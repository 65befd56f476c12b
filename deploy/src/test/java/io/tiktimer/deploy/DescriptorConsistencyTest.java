package io.tiktimer.deploy;

import static io.tiktimer.deploy.Descriptors.QUARKUS_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.contracts.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deployment descriptors (docker-compose.yml, deploy/terraform, the Dockerfiles) agree with the code: every
 * deployable is deployed, every environment variable a service needs is set, ports, health paths and topics match,
 * and the ALB routes exactly the gateway's public routes. A descriptor that drifts from the code fails here instead
 * of at deployment time.
 */
class DescriptorConsistencyTest {

    /** Deployables that only exist in compose: on AWS the ALB is the gateway and TikTok is the real one. */
    private static final List<String> COMPOSE_ONLY = List.of("gateway", "tiktok-sandbox");

    /**
     * Used only while gateway/src/main/resources/routes.yaml does not exist: the public routes as listed in issue 9.
     * Once the gateway's route table is there, it is the single source.
     */
    private static final Map<String, String> ISSUE_9_ROUTES = routes(
            "/register", "auth-service", "/token", "auth-service", "/auth/**", "auth-service",
            "/users/**", "auth-service", "/.well-known/jwks.json", "auth-service",
            "/posts/**", "post-service", "/media/**", "post-service", "/api/v1/tiktok/posts/**", "post-service",
            "/api/v1/auth/tiktok/**", "tiktok-service", "/api/v1/tiktok/accounts/**", "tiktok-service");

    /**
     * Variables read by frameworks rather than application.properties: Quarkus' own config names, Kafka client
     * settings (Quarkus passes KAFKA_* through to the clients), the AWS SDK's credentials and region, the JVM.
     */
    private static final List<String> PLATFORM_PREFIXES = List.of("QUARKUS_", "KAFKA_", "AWS_", "JAVA_");

    private final Path root = Descriptors.repoRoot();
    private final JsonNode compose = Descriptors.compose();
    private final Map<String, Object> locals = Descriptors.terraformLocals();

    // ---------------------------------------------------------------- deployables

    @Test
    void everyDeployableHasAComposeService() {
        List<String> deployables = new ArrayList<>(QUARKUS_SERVICES);
        deployables.addAll(COMPOSE_ONLY);

        assertThat(fieldNames(compose.path("services"))).as("compose services").containsAll(deployables);
    }

    @Test
    void everyServiceHasAnEcsTaskDefinitionAndService() {
        assertThat(ecsServices().keySet()).as("local.services in deploy/terraform/main.tf")
                .containsExactlyInAnyOrderElementsOf(QUARKUS_SERVICES);

        Map<String, Object> taskDefinition = Descriptors.terraformResource("ecs.tf", "aws_ecs_task_definition",
                "service");
        Map<String, Object> service = Descriptors.terraformResource("ecs.tf", "aws_ecs_service", "service");
        assertThat(taskDefinition).as("aws_ecs_task_definition.service").isNotNull();
        assertThat(service).as("aws_ecs_service.service").isNotNull();
        assertThat(String.valueOf(taskDefinition.get("for_each"))).as("task definitions are made for every local.services entry")
                .isEqualTo("local.services");
        assertThat(String.valueOf(service.get("for_each"))).as("ECS services are made for every local.services entry")
                .isEqualTo("local.services");
        assertThat(service.get("deployment_circuit_breaker")).as("circuit breaker with rollback")
                .isEqualTo(Map.of("enable", true, "rollback", true));
    }

    @Test
    void everyServiceHasDockerfilesWithAllowListsRunningAsNonRoot() throws Exception {
        List<String> modules = new ArrayList<>(QUARKUS_SERVICES);
        modules.add("gateway");
        for (String module : modules) {
            int port = ServiceConfig.load(root, module).port();
            for (String flavour : List.of("Dockerfile.jvm", "Dockerfile.native")) {
                Path dockerfile = root.resolve(module).resolve("src/main/docker").resolve(flavour);
                assertThat(dockerfile).as(module + " " + flavour).exists();
                List<String> instructions = Files.readAllLines(dockerfile).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
                assertThat(instructions).as(module + " " + flavour + " exposes the service port")
                        .contains("EXPOSE " + port);
                assertThat(instructions).as(module + " " + flavour + " runs as a non-root user")
                        .anyMatch(line -> line.startsWith("USER ") && !line.equals("USER root")
                                && !line.equals("USER 0"));
                Path ignore = dockerfile.resolveSibling(flavour + ".dockerignore");
                assertThat(Files.readAllLines(ignore)).as(module + " " + flavour + ".dockerignore is an allow-list")
                        .contains("*");
            }
        }
    }

    // ---------------------------------------------------------------- environment

    @Test
    void everyRequiredEnvironmentVariableIsSetInCompose() {
        List<String> modules = new ArrayList<>(QUARKUS_SERVICES);
        modules.add("gateway");
        for (String module : modules) {
            Set<String> required = ServiceConfig.load(root, module).requiredEnvironment();
            Map<String, String> environment = Descriptors.composeEnvironment(compose.path("services").path(module));
            assertThat(environment.keySet())
                    .as("compose environment of %s must set what %s/src/main/resources/application.properties "
                            + "reads without a default", module, module)
                    .containsAll(required);
            required.forEach(name -> assertThat(environment.get(name)).as(module + " " + name).isNotBlank());
        }
    }

    @Test
    void everyRequiredEnvironmentVariableIsSetInTheEcsTaskDefinition() {
        Map<String, Map<String, Object>> services = ecsServices();
        Set<String> secretIds = Descriptors.terraformLocals().get("secrets") instanceof Map<?, ?> secrets
                ? stringKeys(secrets) : Set.of();
        for (String module : QUARKUS_SERVICES) {
            Set<String> required = ServiceConfig.load(root, module).requiredEnvironment();
            Set<String> environment = stringKeys((Map<?, ?>) services.get(module).get("environment"));
            Map<?, ?> secrets = (Map<?, ?>) services.get(module).get("secrets");
            Set<String> provided = new TreeSet<>(environment);
            provided.addAll(stringKeys(secrets));
            assertThat(provided)
                    .as("environment + secrets of local.services[\"%s\"] must set what %s reads without a default",
                            module, module)
                    .containsAll(required);
            assertThat(environment).as(module + ": a variable is either plain or a secret, not both")
                    .doesNotContainAnyElementsOf(stringKeys(secrets));
            secrets.values().forEach(reference -> assertThat(secretIds)
                    .as(module + " secret reference " + reference + " names a secret of local.secrets")
                    .contains(String.valueOf(reference).split(":")[0]));
        }
    }

    @Test
    void descriptorsSetNoVariableTheServiceDoesNotRead() {
        Map<String, Map<String, Object>> services = ecsServices();
        List<String> modules = new ArrayList<>(QUARKUS_SERVICES);
        modules.add("gateway");
        for (String module : modules) {
            Set<String> read = ServiceConfig.load(root, module).readEnvironment();
            Set<String> set = new TreeSet<>(
                    Descriptors.composeEnvironment(compose.path("services").path(module)).keySet());
            if (services.containsKey(module)) {
                set.addAll(stringKeys((Map<?, ?>) services.get(module).get("environment")));
                set.addAll(stringKeys((Map<?, ?>) services.get(module).get("secrets")));
            }
            set.removeIf(name -> PLATFORM_PREFIXES.stream().anyMatch(name::startsWith));
            assertThat(read).as("variables set for %s in compose or ECS that %s no longer reads (stale or misspelt)",
                    module, module).containsAll(set);
        }
    }

    @Test
    void theEcsTaskDefinitionPassesEveryEnvironmentEntryAndSecretToTheContainer() {
        JsonNode container = ecsContainerDefinition();
        assertThat(container.path("readonlyRootFilesystem").asBoolean()).as("read-only root filesystem").isTrue();
        assertThat(container.path("mountPoints").findValuesAsText("containerPath")).as("writable /tmp volume")
                .contains("/tmp");
        assertThat(container.has("environment")).as("environment is passed to the container").isTrue();
        assertThat(container.has("secrets")).as("secrets are passed to the container").isTrue();
    }

    // ---------------------------------------------------------------- ports and health checks

    @Test
    void portsMatchWhatTheServicesListenOn() {
        Map<String, Map<String, Object>> services = ecsServices();
        for (String module : QUARKUS_SERVICES) {
            int port = ServiceConfig.load(root, module).port();
            Map<String, String> environment = Descriptors.composeEnvironment(compose.path("services").path(module));
            assertThat(environment.getOrDefault("PORT", String.valueOf(port))).as("compose PORT of " + module)
                    .isEqualTo(String.valueOf(port));
            assertThat(((Number) services.get(module).get("port")).intValue()).as("ECS port of " + module)
                    .isEqualTo(port);
            Object ecsPort = ((Map<?, ?>) services.get(module).get("environment")).get("PORT");
            assertThat(ecsPort == null ? String.valueOf(port) : String.valueOf(ecsPort)).as("ECS PORT of " + module)
                    .isEqualTo(String.valueOf(port));
        }
        int gatewayPort = ServiceConfig.load(root, "gateway").port();
        assertThat(textValues(compose.path("services").path("gateway").path("ports")))
                .as("the gateway publishes its port").contains(gatewayPort + ":" + gatewayPort);
    }

    @Test
    void healthChecksProbeTheReadinessEndpointOnTheServicePort() {
        List<String> modules = new ArrayList<>(QUARKUS_SERVICES);
        modules.add("gateway");
        for (String module : modules) {
            ServiceConfig config = ServiceConfig.load(root, module);
            String probe = String.join(" ", textValues(compose.path("services").path(module).path("healthcheck")
                    .path("test")));
            assertThat(probe).as("compose health check of " + module)
                    .contains("/dev/tcp/127.0.0.1/" + config.port() + " ")
                    .contains("GET " + config.readinessPath() + " ");
        }

        String readiness = ServiceConfig.load(root, "auth-service").readinessPath();
        QUARKUS_SERVICES.forEach(module -> assertThat(ServiceConfig.load(root, module).readinessPath())
                .as("one readiness path for all services (the ECS and ALB checks use it)").isEqualTo(readiness));
        JsonNode healthCheck = ecsContainerDefinition().path("healthCheck");
        assertThat(String.join(" ", textValues(healthCheck.path("command")))).as("ECS container health check")
                .contains("GET " + readiness + " ");
        Map<String, Object> targetGroup = Descriptors.terraformResource("alb.tf", "aws_lb_target_group", "service");
        assertThat(((Map<?, ?>) targetGroup.get("health_check")).get("path")).as("ALB target group health check")
                .isEqualTo(readiness);
    }

    // ---------------------------------------------------------------- Kafka

    @Test
    void kafkaTopicsMatchTheContractsAndTheServices() throws Exception {
        Set<String> contractTopics = contractTopics();
        Set<String> serviceTopics = new TreeSet<>();
        QUARKUS_SERVICES.forEach(module -> serviceTopics.addAll(ServiceConfig.load(root, module).topics()));

        List<String> composeTopics = textValues(compose.path("services").path("kafka-init").path("command"));
        @SuppressWarnings("unchecked")
        List<String> terraformTopics = (List<String>) locals.get("kafka_topics");

        Set<String> legal = new TreeSet<>(contractTopics);
        for (String topic : contractTopics) {
            QUARKUS_SERVICES.forEach(group -> legal.add(Topics.deadLetterOf(topic, group)));
        }
        for (var list : Map.of("compose kafka-init", composeTopics, "terraform local.kafka_topics",
                terraformTopics).entrySet()) {
            assertThat(list.getValue()).as(list.getKey() + " creates every topic of io.tiktimer.contracts.Topics")
                    .containsAll(contractTopics);
            assertThat(list.getValue()).as(list.getKey() + " creates every topic the services' channels name")
                    .containsAll(serviceTopics);
            assertThat(list.getValue()).as(list.getKey() + " lists only contract topics and their dead-letter topics")
                    .isSubsetOf(legal);
        }
        assertThat(serviceTopics).as("the services' channels use only contract topics and their dead-letter topics")
                .isSubsetOf(legal);

        Map<?, ?> lagAlarms = (Map<?, ?>) locals.get("consumer_lag_alarms");
        lagAlarms.values().forEach(alarm -> assertThat(contractTopics).as("consumer-lag alarm topic")
                .contains(String.valueOf(((Map<?, ?>) alarm).get("topic"))));
    }

    // ---------------------------------------------------------------- public routes

    @Test
    void theAlbRoutesExactlyTheGatewaysPublicRoutesToTheRightTargetGroups() {
        Map<String, String> gatewayRoutes = gatewayRoutes();
        Map<?, ?> albRoutes = (Map<?, ?>) locals.get("alb_routes");
        Map<String, String> albServices = new LinkedHashMap<>();
        Set<Object> priorities = new LinkedHashSet<>();
        albRoutes.forEach((path, route) -> {
            albServices.put(String.valueOf(path), String.valueOf(((Map<?, ?>) route).get("service")));
            assertThat(priorities.add(((Map<?, ?>) route).get("priority"))).as("unique priority for " + path)
                    .isTrue();
        });

        assertThat(albServices).as("local.alb_routes (deploy/terraform/main.tf) against the gateway's route table")
                .containsExactlyInAnyOrderEntriesOf(gatewayRoutes);

        Map<String, Object> rule = Descriptors.terraformResource("alb.tf", "aws_lb_listener_rule", "route");
        assertThat(String.valueOf(rule.get("for_each"))).as("one listener rule per route").isEqualTo("local.alb_routes");
        Map<?, ?> action = (Map<?, ?>) rule.get("action");
        assertThat(action.get("type")).isEqualTo("forward");
        assertThat(String.valueOf(action.get("target_group_arn"))).as("each rule forwards to its route's service")
                .isEqualTo("aws_lb_target_group.service.each.value.service.arn");

        Map<String, Object> targetGroups = Descriptors.terraformResource("alb.tf", "aws_lb_target_group", "service");
        assertThat(targetGroups).isNotNull();
        Map<String, Map<String, Object>> services = ecsServices();
        new TreeSet<>(albServices.values()).forEach(service -> assertThat(services.get(service).get("public"))
                .as(service + " is routed, so it must have a target group and load balancer (public = true)")
                .isEqualTo(true));

        Map<String, Object> https = Descriptors.terraformResource("alb.tf", "aws_lb_listener", "https");
        Map<?, ?> defaultAction = (Map<?, ?>) https.get("default_action");
        assertThat(defaultAction.get("type")).as("unrouted paths get a 404 from the ALB").isEqualTo("fixed-response");
        assertThat(((Map<?, ?>) defaultAction.get("fixed_response")).get("status_code")).isEqualTo("404");
    }

    @Test
    void noInternalOrServiceOnlyPathIsRoutedPublicly() {
        Map<?, ?> albRoutes = (Map<?, ?>) locals.get("alb_routes");
        Set<String> paths = new TreeSet<>(stringKeys(albRoutes));
        paths.addAll(gatewayRoutes().keySet());
        for (String path : paths) {
            assertThat(path).as("public route").doesNotStartWith("/internal").doesNotStartWith("/q/")
                    .isNotEqualTo("/oauth/token").isNotEqualTo("/**").isNotEqualTo("/oauth/**");
        }
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, String> gatewayRoutes() {
        Path routesFile = root.resolve("gateway/src/main/resources/routes.yaml");
        if (!Files.exists(routesFile)) {
            return ISSUE_9_ROUTES;
        }
        Map<String, String> routes = new LinkedHashMap<>();
        Descriptors.yaml(routesFile).path("routes")
                .forEach(route -> routes.put(route.path("path").asText(), route.path("service").asText()));
        assertThat(routes).as(routesFile + " lists routes").isNotEmpty();
        return routes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> ecsServices() {
        Object services = locals.get("services");
        assertThat(services).as("local.services in deploy/terraform").isInstanceOf(Map.class);
        return (Map<String, Map<String, Object>>) services;
    }

    private static JsonNode ecsContainerDefinition() {
        Map<String, Object> taskDefinition = Descriptors.terraformResource("ecs.tf", "aws_ecs_task_definition",
                "service");
        JsonNode definitions = Descriptors.json(taskDefinition.get("container_definitions"));
        assertThat(definitions.size()).as("one container per task").isEqualTo(1);
        return definitions.get(0);
    }

    private static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).as("io.tiktimer.contracts.Topics constants").isNotEmpty();
        return topics;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    private static Set<String> stringKeys(Map<?, ?> map) {
        Set<String> keys = new TreeSet<>();
        map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }

    private static Map<String, String> routes(String... pathsAndServices) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndServices.length; i += 2) {
            routes.put(pathsAndServices[i], pathsAndServices[i + 1]);
        }
        return routes;
    }
}
