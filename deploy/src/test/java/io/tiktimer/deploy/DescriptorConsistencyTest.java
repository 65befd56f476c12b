package io.tiktimer.deploy;

import static io.tiktimer.deploy.Descriptors.ECS_SERVICES;
import static io.tiktimer.deploy.Descriptors.QUARKUS_SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.contracts.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment descriptors (docker-compose.yml, deploy/terraform, the Dockerfiles) agree with the code: every
 * deployable is deployed, every environment variable a service needs is set, ports, health paths and topics match,
 * the ALB routes exactly the gateway's public routes straight to their services, and the web app to the gateway. A
 * descriptor that drifts from the code fails here instead of at deployment time.
 */
class DescriptorConsistencyTest {

    private static final String GATEWAY = "gateway";

    /** Deployables that only exist in compose: on AWS TikTok is the real one. */
    private static final List<String> COMPOSE_ONLY = List.of("tiktok-sandbox");

    /** The ALB's limit of values in one path-pattern condition. */
    private static final int ALB_PATTERNS_PER_CONDITION = 5;

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
        List<String> deployables = new ArrayList<>(ECS_SERVICES);
        deployables.addAll(COMPOSE_ONLY);

        assertThat(fieldNames(compose.path("services"))).as("compose services").containsAll(deployables);
    }

    @Test
    void everyServiceHasAnEcsTaskDefinitionAndService() {
        assertThat(ecsServices().keySet()).as("local.services in deploy/terraform/main.tf")
                .containsExactlyInAnyOrderElementsOf(ECS_SERVICES);

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
    void theImageWorkflowBuildsAnImageForEveryEcsService() {
        // ECS pulls tiktimer/<service>:<tag>-native; a service the workflow does not build never starts on AWS
        JsonNode matrix = Descriptors.yaml(Descriptors.repoRoot().resolve(".github/workflows/images.yml"))
                .path("jobs").elements().next().path("strategy").path("matrix");
        List<String> modules = new ArrayList<>();
        matrix.path("module").forEach(m -> modules.add(m.asText()));
        assertThat(modules).as("the module matrix of .github/workflows/images.yml")
                .containsExactlyInAnyOrderElementsOf(ECS_SERVICES);
        List<String> flavours = new ArrayList<>();
        matrix.path("flavour").forEach(f -> flavours.add(f.asText()));
        assertThat(flavours).as("image flavours").contains("native");
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
        Set<String> secretIds = Descriptors.terraformLocals().get("secrets") instanceof Map<?, ?> secrets
                ? stringKeys(secrets) : Set.of();
        for (String module : ECS_SERVICES) {
            Set<String> required = ServiceConfig.load(root, module).requiredEnvironment();
            Set<String> environment = stringKeys((Map<?, ?>) ecsService(module).get("environment"));
            Map<?, ?> secrets = (Map<?, ?>) ecsService(module).get("secrets");
            Set<String> provided = new TreeSet<>(environment);
            provided.addAll(stringKeys(secrets));
            assertThat(provided)
                    .as("environment + secrets of local.services[\"%s\"] must set what %s reads without a default",
                            module, module)
                    .containsAll(required);
            // The gateway reads no secret, and AssertJ refuses an empty "any of".
            Set<String> both = new TreeSet<>(environment);
            both.retainAll(stringKeys(secrets));
            assertThat(both).as(module + ": a variable is either plain or a secret, not both").isEmpty();
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

    @Test
    void theCollectorSidecarScrapesTheServiceAndKeepsEveryMetricAnAlarmReads() throws Exception {
        JsonNode collector = null;
        for (JsonNode c : ecsContainerDefinitions()) {
            if ("otel-collector".equals(c.path("name").asText())) {
                collector = c;
            }
        }
        assertThat(collector).as("an otel-collector container in the task definition").isNotNull();
        assertThat(collector.path("essential").asBoolean()).as("the collector is not essential").isFalse();
        Map<String, String> environment = new LinkedHashMap<>();
        collector.path("environment").forEach(e -> environment.put(e.path("name").asText(), e.path("value").asText()));
        assertThat(environment).containsKeys("OTEL_COLLECTOR_CONFIG", "SERVICE_NAME", "SERVICE_PORT",
                "METRICS_LOG_GROUP", "AWS_REGION");
        // (the HCL reader here does not evaluate file(): the reference is checked as written)
        assertThat(Files.readString(root.resolve("deploy/terraform/ecs.tf")))
                .contains("name = \"OTEL_COLLECTOR_CONFIG\", value = file(\"${path.module}/otel-collector.yaml\")");
        assertThat(locals.get("platform_environment")).as("the services export their spans to the sidecar")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("OTLP_ENDPOINT", "http://127.0.0.1:4317");

        JsonNode config = Descriptors.yaml(root.resolve("deploy/terraform/otel-collector.yaml"));
        assertThat(config.path("receivers").path("otlp").path("protocols").path("grpc").path("endpoint").asText())
                .isEqualTo("127.0.0.1:4317");
        JsonNode scrape = config.path("receivers").path("prometheus").path("config").path("scrape_configs").get(0);
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/q/metrics");
        assertThat(scrape.path("static_configs").get(0).path("targets").get(0).asText())
                .isEqualTo("127.0.0.1:${env:SERVICE_PORT}");
        Pattern kept = Pattern.compile(scrape.path("metric_relabel_configs").get(0).path("regex").asText());
        Set<String> declared = new TreeSet<>();
        config.path("exporters").path("awsemf").path("metric_declarations")
                .forEach(d -> d.path("metric_name_selectors").forEach(n -> declared.add(n.asText())));

        String monitoring = Files.readString(root.resolve("deploy/terraform/monitoring.tf"));
        Matcher alarmed = Pattern.compile("metric_name\\s*=\\s*\"(tiktimer_[a-z_]+)\"").matcher(monitoring);
        Set<String> read = new TreeSet<>();
        while (alarmed.find()) {
            read.add(alarmed.group(1));
        }
        assertThat(read).as("alarms on the services' own metrics").hasSize(3);
        for (String metric : read) {
            assertThat(kept.matcher(metric).matches()).as(metric + " is kept by the collector's scrape").isTrue();
            assertThat(declared).as(metric + " is written to CloudWatch").contains(metric);
        }
        assertThat(config.path("service").path("pipelines").path("traces").path("exporters").toString())
                .contains("awsxray");
    }

    // ---------------------------------------------------------------- ports and health checks

    @Test
    void portsMatchWhatTheServicesListenOn() {
        Map<String, Map<String, Object>> services = ecsServices();
        for (String module : ECS_SERVICES) {
            int port = ServiceConfig.load(root, module).port();
            Map<String, String> environment = Descriptors.composeEnvironment(compose.path("services").path(module));
            assertThat(environment.getOrDefault("PORT", String.valueOf(port))).as("compose PORT of " + module)
                    .isEqualTo(String.valueOf(port));
            assertThat(((Number) ecsService(module).get("port")).intValue()).as("ECS port of " + module)
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
        ECS_SERVICES.forEach(module -> assertThat(ServiceConfig.load(root, module).readinessPath())
                .as("one readiness path for all services and the gateway (the ECS and ALB checks use it)")
                .isEqualTo(readiness));
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

        Map<String, String> apiRoutes = new LinkedHashMap<>(albServices);
        apiRoutes.values().removeIf(GATEWAY::equals);
        assertThat(apiRoutes).as("local.alb_routes (deploy/terraform/main.tf) against the gateway's route table")
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

    // ---------------------------------------------------------------- web app

    @Test
    void theAlbSendsTheWebAppAndTheRootToTheGateway() {
        String app = webAppRoot();
        List<AlbRule> rules = albRules();
        Set<String> gatewayPatterns = new TreeSet<>();
        rules.stream().filter(rule -> rule.service().equals(GATEWAY)).forEach(rule -> gatewayPatterns.addAll(
                rule.patterns()));
        assertThat(gatewayPatterns).as("path patterns of the ALB rules (local.alb_routes) that forward to the gateway: "
                        + "the root, which sends a browser to the web app, and the web app under %s "
                        + "(quarkus.quinoa.ui-root-path)", app)
                .containsExactlyInAnyOrder("/", app, app + "/*");

        for (String path : List.of("/", app, app + "/", app + "/accounts", app + "/posts/12",
                app + "/assets/index-3f2a1b.js")) {
            assertThat(firstMatch(rules, path)).as("the ALB rule that answers " + path).isEqualTo(GATEWAY);
        }
        rules.forEach(rule -> assertThat(rule.patterns()).as("path patterns of the rule for " + rule.path()
                + " (the ALB takes at most " + ALB_PATTERNS_PER_CONDITION + " per condition)")
                .hasSizeLessThanOrEqualTo(ALB_PATTERNS_PER_CONDITION));
    }

    @Test
    void theMediaBucketLetsOnlyTheWebAppUploadWithPresignedUrls() {
        Map<String, Object> cors = Descriptors.terraformResource("s3.tf", "aws_s3_bucket_cors_configuration", "media");
        assertThat(cors).as("aws_s3_bucket_cors_configuration.media: the web app PUTs large files to S3").isNotNull();
        String rule = String.valueOf(cors.get("cors_rule"));
        // hcl4j renders the interpolation "https://${var.public_hostname}" as https://var.public_hostname
        assertThat(rule).contains("allowed_origins=[https://var.public_hostname]").contains("PUT");
    }

    @Test
    void theGatewayRunsOnEcsWithAHealthCheckOnItsReadinessPath() {
        Map<String, Object> gateway = ecsService(GATEWAY);
        ServiceConfig config = ServiceConfig.load(root, GATEWAY);
        assertThat(((Number) gateway.get("port")).intValue()).as("ECS port of the gateway").isEqualTo(config.port());
        assertThat(gateway.get("public")).as("the gateway gets a target group, whose health check the ALB runs, and "
                + "its ECS service a load balancer (public = true)").isEqualTo(true);

        JsonNode healthCheck = ecsContainerDefinition().path("healthCheck");
        assertThat(String.join(" ", textValues(healthCheck.path("command"))))
                .as("ECS container health check (the gateway's task runs it too)")
                .contains("GET " + config.readinessPath() + " ");
        Map<String, Object> targetGroup = Descriptors.terraformResource("alb.tf", "aws_lb_target_group", "service");
        assertThat(((Map<?, ?>) targetGroup.get("health_check")).get("path"))
                .as("ALB target group health check, the gateway's included")
                .isEqualTo(config.readinessPath());
    }

    @Test
    void theGatewayOnEcsReachesEveryServiceByItsInternalName() {
        ServiceConfig config = ServiceConfig.load(root, GATEWAY);
        Map<?, ?> environment = (Map<?, ?>) ecsService(GATEWAY).get("environment");
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        Set<String> upstreams = new TreeSet<>();
        for (String key : config.prodKeys()) {
            if (!key.startsWith("gateway.services.")) {
                continue;
            }
            String service = key.substring("gateway.services.".length());
            upstreams.add(service);
            Matcher reference = variable.matcher(config.prodValue(key));
            assertThat(reference.matches()).as(key + " is read from one environment variable").isTrue();
            int port = ((Number) ecsService(service).get("port")).intValue();
            assertThat(String.valueOf(environment.get(reference.group(1))))
                    .as("%s of the gateway's task: %s by its Cloud Map name and port", reference.group(1), service)
                    .matches("http://" + Pattern.quote(service) + "\\.[a-z0-9.-]+\\.internal:" + port);
        }
        assertThat(upstreams).as("services the gateway is told about (gateway.services.*)")
                .containsExactlyInAnyOrderElementsOf(QUARKUS_SERVICES);
    }

    @Test
    void noApiPathOfTheRouteTableReachesTheGatewayOnAws() {
        List<AlbRule> rules = albRules();
        gatewayRoutes().forEach((path, service) -> {
            for (String sample : samplePaths(path)) {
                assertThat(firstMatch(rules, sample))
                        .as("the ALB rule that answers %s (routes.yaml: %s -> %s); API traffic goes straight to the "
                                + "service, never through the gateway", sample, path, service)
                        .isEqualTo(service);
            }
        });
    }

    @Test
    void afterTikTokConsentTheBrowserReturnsToTheWebApp() {
        String app = webAppRoot();
        Map<String, String> inCompose = Descriptors.composeEnvironment(compose.path("services")
                .path("tiktok-service"));
        Map<?, ?> onEcs = (Map<?, ?>) ecsService("tiktok-service").get("environment");
        for (var environment : Map.of("compose", inCompose, "ECS", onEcs).entrySet()) {
            Object redirect = environment.getValue().get("TIKTOK_CLIENT_REDIRECT_URL");
            assertThat(redirect).as(environment.getKey() + " TIKTOK_CLIENT_REDIRECT_URL of tiktok-service").isNotNull();
            URI target = URI.create(String.valueOf(redirect));
            URI callback = URI.create(String.valueOf(environment.getValue().get("TIKTOK_REDIRECT_URI")));
            assertThat(target.getPath()).as(environment.getKey() + ": the callback sends the browser into the web app")
                    .startsWith(app + "/");
            assertThat(target.getScheme() + "://" + target.getRawAuthority())
                    .as(environment.getKey() + ": the web app is on the origin TikTok's callback comes back to")
                    .isEqualTo(callback.getScheme() + "://" + callback.getRawAuthority());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** One listener rule of aws_lb_listener_rule.route: an entry of local.alb_routes. */
    private record AlbRule(String path, String service, int priority, List<String> patterns) {

        boolean matches(String requestPath) {
            return patterns.stream().anyMatch(pattern -> albWildcard(pattern).matcher(requestPath).matches());
        }
    }

    /** The rules in the order the ALB tries them (lowest priority first). */
    private List<AlbRule> albRules() {
        List<AlbRule> rules = new ArrayList<>();
        ((Map<?, ?>) locals.get("alb_routes")).forEach((path, route) -> rules.add(new AlbRule(String.valueOf(path),
                String.valueOf(((Map<?, ?>) route).get("service")),
                ((Number) ((Map<?, ?>) route).get("priority")).intValue(), albPatterns(String.valueOf(path)))));
        rules.sort(Comparator.comparingInt(AlbRule::priority));
        return rules;
    }

    /** The service the first matching rule forwards to, or "404" for the listener's default action. */
    private static String firstMatch(List<AlbRule> rules, String path) {
        return rules.stream().filter(rule -> rule.matches(path)).map(AlbRule::service).findFirst().orElse("404");
    }

    /** What aws_lb_listener_rule.route makes of a route: "/x/**" becomes /x and /x/*, anything else itself. */
    private static List<String> albPatterns(String path) {
        if (path.endsWith("/**")) {
            String prefix = path.substring(0, path.length() - "/**".length());
            return List.of(prefix, prefix + "/*");
        }
        return List.of(path);
    }

    /** The ALB's path-pattern syntax: case-sensitive, * is any run of characters, ? one character. */
    private static Pattern albWildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** Requests a route of routes.yaml must answer: the path, or for "/x/**" /x itself and paths below it. */
    private static List<String> samplePaths(String route) {
        if (!route.endsWith("/**")) {
            return List.of(route);
        }
        String prefix = route.substring(0, route.length() - "/**".length());
        return List.of(prefix, prefix + "/", prefix + "/1", prefix + "/1/2");
    }

    /** Where the gateway serves the web app: Quinoa's ui-root-path, without a trailing slash. */
    private String webAppRoot() {
        String configured = ServiceConfig.load(root, GATEWAY).prodValue("quarkus.quinoa.ui-root-path");
        assertThat(configured).as("quarkus.quinoa.ui-root-path of the gateway").isNotBlank();
        String path = configured.startsWith("/") ? configured : "/" + configured;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

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

    /** One entry of local.services: its ECS service, task definition and (if public) target group. */
    private Map<String, Object> ecsService(String name) {
        Map<String, Map<String, Object>> services = ecsServices();
        assertThat(services.keySet()).as("local.services in deploy/terraform/main.tf has an entry for " + name)
                .contains(name);
        return services.get(name);
    }

    /** The service's own container: the one essential container of its task. */
    private static JsonNode ecsContainerDefinition() {
        List<JsonNode> essential = new ArrayList<>();
        ecsContainerDefinitions().forEach(c -> {
            if (c.path("essential").asBoolean()) {
                essential.add(c);
            }
        });
        assertThat(essential).as("one essential container per task: the service").hasSize(1);
        return essential.get(0);
    }

    private static JsonNode ecsContainerDefinitions() {
        Map<String, Object> taskDefinition = Descriptors.terraformResource("ecs.tf", "aws_ecs_task_definition",
                "service");
        return Descriptors.json(taskDefinition.get("container_definitions"));
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
