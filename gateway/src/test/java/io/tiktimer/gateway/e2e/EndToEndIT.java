package io.tiktimer.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.tiktimer.devstack.testing.BadInputCatalogue;
import io.tiktimer.sandbox.DemoAccounts;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole system as a user meets it: the README's run command brings the stack up, and everything below talks to
 * it only through the gateway URL it printed (plus the TikTok sandbox's consent page, as a browser would). At the end,
 * Ctrl-C leaves no process and no listening port behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final List<String> PUBLIC_SERVICES = List.of("auth-service", "post-service", "tiktok-service");
    private static RunningStack stack;
    /** Where every service sends its spans, as it sends them to the collector sidecar in production. */
    private static OtlpSink traces;
    /** One creator for the publishing tests, another for the disconnect test: a TikTok account has one owner. */
    private static Journey.User creator;
    private static long creatorAccount;

    @BeforeAll
    static void runTheRunCommand() throws Exception {
        traces = new OtlpSink();
        // new traces are not sampled (TRACE_SAMPLE_RATIO stays 0, as in ./run); a caller's sampled traceparent is
        stack = RunningStack.start(Map.of("OTLP_ENDPOINT", traces.endpoint(), "OTLP_PROTOCOL", "http/protobuf"));
        RestAssured.baseURI = stack.gateway();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    static void stopIfStillRunning() throws Exception {
        if (stack != null && stack.descendants().stream().anyMatch(ProcessHandle::isAlive)) {
            stack.stop("KILL");
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    @Order(1)
    void printsTheGatewayAndSwaggerUiAndEverythingIsReady() {
        assertThat(stack.output()).anySatisfy(line -> assertThat(line).contains("Swagger UI:"));
        given().when().get("/health").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("services.'publisher-worker'", equalTo("UP"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @Order(2)
    void everyPublicPathOfEveryServiceAnswersThroughTheGateway() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        List<String> unreachable = new ArrayList<>();
        int checked = 0;
        for (String service : PUBLIC_SERVICES) {
            String serviceUrl = stack.components().get(service);
            JsonNode openapi = json.readTree(http.send(
                    HttpRequest.newBuilder(URI.create(serviceUrl + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/internal") || path.getKey().equals("/oauth/token")) {
                    continue;
                }
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
                String method = path.getValue().fieldNames().next().toUpperCase();
                Response response = given().redirects().follow(false).when().request(method, concrete);
                checked++;
                // The gateway's own 404 for a path it does not route has the code no_route; a service answers
                // with its own status (401 without a token, 400 for an empty body, its own 404, ...).
                boolean routed = response.statusCode() != 404 || !response.contentType().contains("problem+json")
                        || !"no_route".equals(response.jsonPath().getString("code"));
                if (!routed || response.statusCode() >= 502) {
                    unreachable.add(method + " " + path.getKey() + " -> " + response.statusCode());
                }
            }
        }
        assertThat(checked).as("paths found in the services' OpenAPI documents").isGreaterThan(10);
        assertThat(unreachable).isEmpty();
    }

    @Test
    @Order(3)
    void theMergedOpenApiDescribesThePublicApiButNoInternalEndpoint() {
        Response openapi = given().when().get("/openapi");
        openapi.then().statusCode(200);
        Map<String, Object> paths = openapi.jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/register", "/token", "/users/me");
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal"));
    }

    @Test
    @Order(10)
    void aScheduledVideoIsPublishedWithExactlyTheUploadedBytes() throws Exception {
        creator = Journey.registerAndLogIn("creator");
        creatorAccount = creator.connectTikTok(stack, DemoAccounts.PUBLIC_CREATOR_OPEN_ID);
        // the original API's profile shows the connected account (auth-service asks tiktok-service)
        given().auth().oauth2(creator.token()).when().get("/users/me").then().statusCode(200)
                .body("tiktok_open_id", equalTo(DemoAccounts.PUBLIC_CREATOR_OPEN_ID))
                .body("tiktok_token_expires_at", org.hamcrest.Matchers.notNullValue());
        TestVideo video = TestVideo.of(6_000_000, 12);
        long media = creator.uploadMedia(video);

        long post = creator.schedule(creatorAccount, media, "Sunset timelapse #e2e", 5);
        JsonNode published = creator.awaitStatus(post, "published", 120);

        assertThat(published.path("publish_id").asText()).isNotBlank();
        JsonNode upload = Journey.sandboxUpload(stack, published.path("publish_id").asText());
        assertThat(upload.path("sha256").asText()).isEqualTo(video.sha256());
        assertThat(upload.path("byte_count").asLong()).isEqualTo(video.size());
        assertThat(Journey.sandboxInitCount(stack, published.path("publish_id").asText()))
                .as("TikTok saw one init for this post").isEqualTo(1);
    }

    @Test
    @Order(15)
    void oneTraceFollowsAPostFromItsRequestThroughTheDispatcherKafkaAndTheWorkerToTikTokAndBack() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        long media = creator.uploadMedia(TestVideo.of(2_000_000, 6));

        long post = creator.schedule(creatorAccount, media, "Traced #e2e", 3, "00-" + traceId + "-00f067aa0ba902b7-01");
        creator.awaitStatus(post, "published", 120);

        // spans are exported in batches every few seconds, and a parent after its children: wait for the whole tree
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<OtlpSink.ReceivedSpan> spans = traces.spansOf(traceId);
            assertThat(spans).extracting(OtlpSink.ReceivedSpan::service, OtlpSink.ReceivedSpan::name)
                    .contains(tuple("post-service", "POST /posts"),
                            tuple("post-service", "send post.due"),
                            tuple("publisher-worker", "publish attempt"),
                            tuple("publisher-worker", "TikTok video_init"),
                            tuple("publisher-worker", "TikTok upload_chunk"),
                            tuple("publisher-worker", "send post.published"));
            assertThat(spans).as("post-service consumes post.published in the trace")
                    .extracting(OtlpSink.ReceivedSpan::service, OtlpSink.ReceivedSpan::kind)
                    .contains(tuple("post-service", "SPAN_KIND_CONSUMER"));
            // one tree: every span's parent is in the trace, except the root's parent, the caller's span
            Set<String> ids = spans.stream().map(OtlpSink.ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(spans).allSatisfy(span -> assertThat(ids.contains(span.parentSpanId())
                    || span.parentSpanId().equals("00f067aa0ba902b7")).as(span + " hangs in the trace").isTrue());
        });
    }

    @Test
    @Order(20)
    void publishNowGoesThroughTheSamePipeline() throws Exception {
        TestVideo video = TestVideo.of(3_000_000, 8);

        long post = creator.createSeedTikTokPost("Posted right away", video);
        creator.publishNow(post);
        JsonNode published = creator.awaitStatus(post, "published", 120);

        JsonNode upload = Journey.sandboxUpload(stack, published.path("publish_id").asText());
        assertThat(upload.path("sha256").asText()).isEqualTo(video.sha256());
    }

    @Test
    @Order(30)
    void editsAndDeletesBeforeTheDueTimeTakeEffect() throws Exception {
        long media = creator.uploadMedia(TestVideo.of(2_000_000, 5));

        long edited = creator.schedule(creatorAccount, media, "first draft", 3600);
        long deleted = creator.schedule(creatorAccount, media, "never mind", 3600);
        creator.editContent(edited, "final words");
        creator.delete(deleted);

        assertThat(creator.get(edited).path("content").asText()).isEqualTo("final words");
        assertThat(creator.getStatusCode(deleted)).isEqualTo(404);
        assertThat(creator.listPosts()).extracting(p -> p.path("id").asLong()).contains(edited)
                .doesNotContain(deleted);
    }

    @Test
    @Order(40)
    void aScheduledPostFailsWithReconnectTikTokAfterTheAccountWasDisconnected() throws Exception {
        Journey.User user = Journey.registerAndLogIn("leaver");
        long account = user.connectTikTok(stack, DemoAccounts.PRIVATE_CREATOR_OPEN_ID);
        long media = user.uploadMedia(TestVideo.of(2_000_000, 5));
        long post = user.schedule(account, media, "will not go out", 8);

        user.disconnectTikTok();
        JsonNode failed = user.awaitStatus(post, "failed", 120);

        assertThat(failed.path("error_message").asText()).containsIgnoringCase("reconnect");
    }

    /** A script that connects an account and posts to it at once never hears "not connected". */
    @Test
    @Order(45)
    void anAccountCanBePostedToTheMomentItIsConnected() throws Exception {
        Journey.User quick = Journey.registerAndLogIn("quick");
        long media = quick.uploadMedia(TestVideo.of(1_000_000, 3));
        for (int round = 1; round <= 50; round++) {
            long account = quick.connectTikTok(stack, DemoAccounts.PRIVATE_CREATOR_OPEN_ID);
            long post = quick.schedule(account, media, "round " + round, 3600);
            assertThat(quick.get(post).path("tiktok_account_id").asLong()).as("round " + round).isEqualTo(account);
            quick.delete(post);
            quick.disconnectTikTok();
        }
    }

    /**
     * Issue 15's contract for every operation of every service, through the gateway and at each service's own port:
     * no input gets a 5xx, every 4xx is problem+json with a detail, and the caller's data is exactly as before.
     */
    @Test
    @Order(50)
    void noBadInputGetsAServerErrorOrChangesWhatIsStored() throws Exception {
        Journey.User prober = Journey.registerAndLogIn("prober");
        long post = given().auth().oauth2(prober.token()).contentType("application/json")
                .body(Map.of("content", "must survive the probes", "scheduled_time", "2031-01-01T10:00:00Z"))
                .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");
        String before = prober.snapshot();
        BadInputRun run = new BadInputRun();
        List<String> services = List.of("auth-service", "post-service", "tiktok-service", "publisher-worker");
        for (String service : services) {
            String serviceUrl = stack.components().get(service);
            JsonNode openapi = BadInputRun.openApi(serviceUrl);
            java.util.function.Function<BadInputCatalogue.Operation, Map<String, String>> ids = operation ->
                    operation.mutates() && !operation.spec().has("requestBody") ? Map.of("id", "999999999")
                            : operation.path().contains("posts/{") ? Map.of("id", Long.toString(post)) : Map.of();
            run.run(service, openapi, stack.gateway(), prober.token(), operation -> true, ids);
            run.run(service, openapi, serviceUrl, prober.token(), operation -> true, ids);
        }
        run.run("gateway", BadInputRun.openApi(stack.gateway()), stack.gateway(), prober.token(), operation -> true,
                operation -> Map.of());

        System.out.printf("Bad-input catalogue: %d operations; %d requests (each probe with and without a token, "
                        + "through the gateway and at the service's own port); %d answered 5xx; %d broke the error "
                        + "contract (all in target/bad-input-report.txt)%n",
                run.probesPerOperation().size(), run.sent(), run.serverErrors(), run.broken().size());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-report.txt"), run.broken());
        run.broken().stream().limit(40).forEach(System.out::println);
        assertThat(run.broken()).as("answers that broke the error contract").isEmpty();
        assertThat(prober.snapshot()).as("the prober's data after the probes").isEqualTo(before);
        assertThat(prober.get(post).path("content").asText()).isEqualTo("must survive the probes");
    }

    /**
     * Every operation that needs a user refuses, with 401, what an attacker can make from one real token and the
     * public JWKS: directly at each service's port and through the gateway.
     */
    @Test
    @Order(55)
    void forgedTokensAreRefusedByEveryServiceDirectlyAndThroughTheGateway() throws Exception {
        Journey.User victim = Journey.registerAndLogIn("victim");
        Map<String, String> forged = ForgedTokens.of(victim.token(), victim.refreshToken(),
                given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        HttpClient http = HttpClient.newHttpClient();
        List<String> accepted = new ArrayList<>();
        int sent = 0;
        for (String service : List.of("auth-service", "post-service", "tiktok-service", "publisher-worker")) {
            String serviceUrl = stack.components().get(service);
            for (BadInputCatalogue.Operation operation : BadInputCatalogue.operations(BadInputRun.openApi(serviceUrl))) {
                if (operation.spec().path("security").isEmpty()) {
                    continue; // public (register, token, refresh by its own token, client credentials, JWKS)
                }
                String path = operation.path().replaceAll("\\{[^}]+}", "999999999");
                List<String> bases = operation.path().startsWith("/internal") ? List.of(serviceUrl)
                        : List.of(serviceUrl, stack.gateway());
                for (String base : bases) {
                    for (Map.Entry<String, String> token : forged.entrySet()) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token.getValue())
                                .header("Content-Type", "application/json")
                                .method(operation.method(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        sent++;
                        if (answer.statusCode() != 401) {
                            accepted.add(base + " " + operation + " with " + token.getKey() + ": "
                                    + answer.statusCode());
                        }
                    }
                }
            }
        }
        System.out.printf("Forged tokens: %d forgeries, %d requests, %d not refused with 401%n", forged.size(), sent,
                accepted.size());
        assertThat(sent).isGreaterThan(200);
        assertThat(accepted).isEmpty();
    }

    @Test
    @Order(60)
    void aServiceThatDiesIsStartedAgainAndHealthSaysSo() throws Exception {
        long pid = given().when().get("/health").then().statusCode(200)
                .body("processes.'post-service'.state", equalTo("running"))
                .body("processes.'post-service'.restarts", equalTo(0))
                .extract().<Number>path("processes.'post-service'.pid").longValue();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        Response health;
        do {
            Thread.sleep(1000);
            health = given().when().get("/health");
        } while (System.nanoTime() < deadline && !(health.statusCode() == 200
                && Integer.valueOf(1).equals(health.path("processes.'post-service'.restarts"))));
        health.then().statusCode(200)
                .body("processes.'post-service'.restarts", equalTo(1))
                .body("processes.'post-service'.last_exit_code", equalTo(137));
        assertThat(health.<Number>path("processes.'post-service'.pid").longValue()).isNotEqualTo(pid);
        assertThat(stack.output()).anySatisfy(line -> assertThat(line)
                .contains("supervisor: post-service exited (pid " + pid + ", exit code 137)"));
        // what was stored before the death is served by the new process
        given().auth().oauth2(creator.token()).when().get("/posts/").then().statusCode(200);
    }

    @Test
    @Order(100)
    void ctrlCStopsEveryProcessAndFreesEveryPort() throws Exception {
        List<ProcessHandle> children = stack.descendants();
        List<Integer> ports = stack.listeningPorts();
        assertThat(children).as("services, broker and S3 run as child processes").hasSizeGreaterThanOrEqualTo(6);
        assertThat(ports).hasSizeGreaterThanOrEqualTo(8);

        int exit = stack.stop("INT");

        assertThat(exit).isNotEqualTo(137);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(RunningStack.anyListening(ports)).as("a port still listening after Ctrl-C").isFalse();
    }
}
