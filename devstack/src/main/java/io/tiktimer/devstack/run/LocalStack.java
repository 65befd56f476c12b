package io.tiktimer.devstack.run;

import io.tiktimer.devstack.ChildProcess;
import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.Ports;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.QuarkusAppProcess;
import io.tiktimer.devstack.RepositoryLayout;
import io.tiktimer.devstack.S3Server;
import io.tiktimer.devstack.supervision.Backoff;
import io.tiktimer.devstack.supervision.ProcessStatusServer;
import io.tiktimer.devstack.supervision.SupervisedProcess;
import io.tiktimer.devstack.supervision.Supervisor;
import io.tiktimer.sandbox.SandboxMain;
import io.tiktimer.sandbox.TikTokSandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of TikTimer on one machine: PostgreSQL, Kafka, S3 and the TikTok sandbox embedded (each replaceable by an
 * external one through its environment variable), the four services and the gateway as separate processes from their
 * packaged jars, configured by environment variables exactly as in a container. {@code ./run} starts this.
 *
 * <p>Every process started here (the services, the gateway, and Kafka, S3 and PostgreSQL when embedded) is
 * supervised: one that dies is started again with the same configuration, port and data directory, as ECS restarts
 * a task in production. The gateway's {@code /health} shows the supervisor's view ({@code SUPERVISOR_URL}).
 */
public final class LocalStack implements AutoCloseable {

    static final String MEDIA_BUCKET = "tiktimer-media";
    static final String TIKTOK_CLIENT_KEY = "tiktimer-local";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** Everything started, in start order; closed in reverse. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Supervisor supervisor = new Supervisor(Backoff.LOCAL_RUN, LocalStack::report);
    private Path logs;

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalSettings settings = LocalSettings.from(System.getenv(), RepositoryLayout.root());
        long begin = System.nanoTime();
        LocalStack stack;
        try {
            stack = start(settings);
        } catch (RuntimeException | Error e) {
            System.err.println("TikTimer did not start: " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping TikTimer...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "tiktimer-stop"));
        System.out.println(stack.banner(Duration.ofNanos(System.nanoTime() - begin)));
        System.out.flush();
        stopped.await();
    }

    /** Starts everything and waits until every service reports ready. */
    public static LocalStack start(LocalSettings settings) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(settings);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Named URLs: gateway, swagger-ui, services, and the TikTok sandbox's hosts when embedded. */
    public Map<String, String> urls() {
        return urls;
    }

    @Override
    public void close() {
        // a process that exits because another one stopped first must stay stopped
        supervisor.stopRestarting();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
        supervisor.close();
    }

    private void startAll(LocalSettings s) {
        Path home = s.home();
        LocalSecrets secrets = new LocalSecrets(home.resolve("secrets"));
        Map<String, String> common = new HashMap<>();

        // PostgreSQL
        if (s.get("DB_URL").isPresent()) {
            common.put("DB_URL", s.get("DB_URL", ""));
            common.put("DB_USER", s.get("DB_USER", "postgres"));
            common.put("DB_PASSWORD", s.get("DB_PASSWORD", ""));
        } else {
            step("PostgreSQL");
            Path data = home.resolve("postgres");
            int port = s.port("TIKTIMER_POSTGRES_PORT", 15432);
            // zonky turns synchronous_commit off; a postmaster that dies (and is started again) would then take the
            // last moment of commits with it, which the services had already acknowledged and sent on
            Map<String, String> conf = Map.of("fsync", "on", "synchronous_commit", "on", "max_connections", "200");
            PostgresServer postgres = running(keep(supervisor.supervise("postgres",
                    () -> PostgresServer.startPersistent(data, port, conf))));
            common.put("DB_URL", postgres.jdbcUrl());
            urls.put("postgres", postgres.jdbcUrl());
            common.put("DB_USER", PostgresServer.USER);
            common.put("DB_PASSWORD", PostgresServer.PASSWORD);
        }

        // Kafka
        if (s.get("KAFKA_BOOTSTRAP_SERVERS").isPresent()) {
            common.put("KAFKA_BOOTSTRAP_SERVERS", s.get("KAFKA_BOOTSTRAP_SERVERS", ""));
        } else {
            step("Kafka");
            Path data = home.resolve("kafka");
            int port = s.port("TIKTIMER_KAFKA_PORT", 19092);
            KafkaBroker kafka = running(keep(supervisor.supervise("kafka",
                    () -> KafkaBroker.startPersistent(data, port, 4))));
            common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            urls.put("kafka", kafka.bootstrapServers());
        }

        // chosen before S3, which must know the web app's origin
        int gatewayPort = s.port("TIKTIMER_GATEWAY_PORT", 8080);
        // S3
        Map<String, String> s3 = new HashMap<>();
        String bucket = s.get("MEDIA_BUCKET", MEDIA_BUCKET);
        s3.put("MEDIA_BUCKET", bucket);
        s3.put("AWS_REGION", s.get("AWS_REGION", S3Server.REGION));
        if (s.get("S3_ENDPOINT").isPresent() || s.get("AWS_ACCESS_KEY_ID").isPresent()) {
            s.get("S3_ENDPOINT").ifPresent(endpoint -> {
                s3.put("QUARKUS_S3_ENDPOINT_OVERRIDE", endpoint);
                s3.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
            });
        } else {
            step("S3");
            Path data = home.resolve("s3");
            int port = s.port("TIKTIMER_S3_PORT", 19000);
            // the web app, served by the gateway, uploads large files straight to S3 with presigned PUTs
            List<String> origins = List.of("http://localhost:" + gatewayPort,
                    "http://" + Ports.LOOPBACK + ":" + gatewayPort);
            S3Server server = running(keep(supervisor.supervise("s3",
                    () -> S3Server.startPersistent(data, port, origins).createBucket(bucket))));
            s3.putAll(ServiceEnvironments.embeddedS3(server.endpoint()));
            urls.put("s3", server.endpoint());
        }

        String gateway = "http://localhost:" + gatewayPort;
        int authPort = s.port("TIKTIMER_AUTH_PORT", 8082);
        int tiktokPort = s.port("TIKTIMER_TIKTOK_PORT", 8083);
        int postPort = s.port("TIKTIMER_POST_PORT", 8084);
        int publisherPort = s.port("TIKTIMER_PUBLISHER_PORT", 8085);
        String authUrl = "http://127.0.0.1:" + authPort;

        // TikTok
        Map<String, String> tiktok = new HashMap<>();
        String redirectUri = s.get("TIKTOK_REDIRECT_URI", gateway + "/api/v1/auth/tiktok/callback");
        tiktok.put("TIKTOK_REDIRECT_URI", redirectUri);
        // after TikTok's consent the browser goes back to the web app, which shows the outcome
        tiktok.put("TIKTOK_CLIENT_REDIRECT_URL", s.get("TIKTOK_CLIENT_REDIRECT_URL", gateway + "/app/accounts"));
        if (s.get("TIKTOK_API_BASE_URL").isPresent()) {
            for (String name : List.of("TIKTOK_API_BASE_URL", "TIKTOK_AUTH_BASE_URL", "TIKTOK_CLIENT_KEY",
                    "TIKTOK_CLIENT_SECRET")) {
                tiktok.put(name, s.get(name).orElseThrow(() ->
                        new IllegalStateException(name + " must be set together with TIKTOK_API_BASE_URL")));
            }
        } else {
            step("TikTok sandbox");
            String secret = secrets.clientSecret("tiktok-sandbox-app");
            System.setProperty("tiktok.client-key", TIKTOK_CLIENT_KEY);
            System.setProperty("tiktok.client-secret", secret);
            System.setProperty("tiktok.redirect-uri", redirectUri);
            System.setProperty("tiktok.sandbox.auth-port", Integer.toString(s.port("TIKTIMER_SANDBOX_AUTH_PORT", 8180)));
            System.setProperty("tiktok.sandbox.api-port", Integer.toString(s.port("TIKTIMER_SANDBOX_API_PORT", 8181)));
            System.setProperty("tiktok.sandbox.upload-port",
                    Integer.toString(s.port("TIKTIMER_SANDBOX_UPLOAD_PORT", 8182)));
            TikTokSandbox sandbox = keep(SandboxMain.launch());
            tiktok.put("TIKTOK_API_BASE_URL", sandbox.apiBaseUrl());
            tiktok.put("TIKTOK_AUTH_BASE_URL", sandbox.authBaseUrl());
            tiktok.put("TIKTOK_CLIENT_KEY", TIKTOK_CLIENT_KEY);
            tiktok.put("TIKTOK_CLIENT_SECRET", secret);
            urls.put("tiktok-sandbox-auth", sandbox.authBaseUrl());
            urls.put("tiktok-sandbox-api", sandbox.apiBaseUrl());
        }

        common.putAll(ServiceEnvironments.jwt(authUrl));
        String tiktokServiceUrl = "http://127.0.0.1:" + tiktokPort;
        Map<String, String> auth = ServiceEnvironments.authService(common, secrets, tiktokServiceUrl);
        Map<String, String> tiktokService = ServiceEnvironments.tiktokService(common, tiktok, secrets);
        Map<String, String> post = ServiceEnvironments.postService(common, s3, secrets, tiktokServiceUrl);
        Map<String, String> publisher = ServiceEnvironments.publisherWorker(common, s3, tiktok, secrets,
                tiktokServiceUrl);

        step("services");
        logs = home.resolve("logs");
        List<CompletableFuture<SupervisedProcess<QuarkusAppProcess>>> services = new ArrayList<>();
        services.add(service("auth-service", authPort, auth, logs));
        services.add(service("tiktok-service", tiktokPort, tiktokService, logs));
        services.add(service("post-service", postPort, post, logs));
        services.add(service("publisher-worker", publisherPort, publisher, logs));
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<SupervisedProcess<QuarkusAppProcess>> future : services) {
            try {
                SupervisedProcess<QuarkusAppProcess> app = keep(future.join());
                urls.put(app.name(), running(app).baseUrl());
            } catch (RuntimeException e) {
                failures.add(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("\n\n", failures));
        }

        step("gateway");
        ProcessStatusServer processes = keep(ProcessStatusServer.start(supervisor));
        urls.put("supervisor", processes.url() + "/processes");
        Map<String, String> gatewayEnv = new HashMap<>();
        gatewayEnv.put("AUTH_SERVICE_URL", urls.get("auth-service"));
        gatewayEnv.put("TIKTOK_SERVICE_URL", urls.get("tiktok-service"));
        gatewayEnv.put("POST_SERVICE_URL", urls.get("post-service"));
        gatewayEnv.put("PUBLISHER_WORKER_URL", urls.get("publisher-worker"));
        gatewayEnv.put("SUPERVISOR_URL", processes.url());
        int gatewayManagementPort = s.port("TIKTIMER_GATEWAY_MANAGEMENT_PORT", 9080);
        gatewayEnv.put("MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
        Path gatewayLog = logs.resolve("gateway.log");
        keep(supervisor.supervise("gateway", () -> QuarkusAppProcess.start("gateway",
                RepositoryLayout.quarkusRunJar("gateway"), gatewayPort, gatewayEnv, List.of("-Xmx128m"), gatewayLog,
                READY_TIMEOUT)));
        urls.put("gateway", "http://localhost:" + gatewayPort);
        urls.put("swagger-ui", "http://localhost:" + gatewayPort + "/q/swagger-ui");
        urls.put("gateway-metrics", "http://localhost:" + gatewayManagementPort + "/q/metrics");
    }

    private CompletableFuture<SupervisedProcess<QuarkusAppProcess>> service(String name, int port,
                                                                            Map<String, String> env, Path logs) {
        Path log = logs.resolve(name + ".log");
        return CompletableFuture.supplyAsync(() -> supervisor.supervise(name, () -> QuarkusAppProcess.start(name,
                RepositoryLayout.quarkusRunJar(name), port, env, List.of("-Xmx192m"), log, READY_TIMEOUT)));
    }

    /** Just after its first start, so it runs: what the rest of the stack is configured with. */
    private static <T extends ChildProcess> T running(SupervisedProcess<T> process) {
        return process.current().orElseThrow(() -> new IllegalStateException(process.name() + " is not running"));
    }

    /** A supervisor's line about a death or restart, with the time: the launcher's output has no other clock. */
    private static void report(String line) {
        System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] supervisor: " + line);
        System.out.flush();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.push(resource);
        return resource;
    }

    private static void step(String what) {
        System.out.println("  starting " + what + "...");
        System.out.flush();
    }

    private String banner(Duration took) {
        String gateway = urls.get("gateway");
        StringBuilder out = new StringBuilder();
        out.append("\nTikTimer is ready (").append(took.toSeconds()).append(" s).\n\n");
        out.append("  Gateway:     ").append(gateway).append('\n');
        out.append("  Web app:     ").append(gateway).append("/app/").append('\n');
        out.append("  Swagger UI:  ").append(urls.get("swagger-ui")).append('\n');
        out.append("  Health:      ").append(gateway).append("/health\n");
        if (urls.containsKey("tiktok-sandbox-api")) {
            out.append("  TikTok sandbox admin: ").append(urls.get("tiktok-sandbox-api"))
                    .append("/sandbox/admin/state\n");
            out.append("  TikTok sandbox authorize: ").append(urls.get("tiktok-sandbox-auth")).append('\n');
        }
        out.append("\n  Components:\n");
        urls.forEach((name, url) -> out.append("    ").append(String.format("%-20s", name)).append(url).append('\n'));
        out.append("\nStart here: open ").append(gateway).append("/app/ , create an account, then Accounts ->\n")
                .append("  \"Connect a TikTok account\": pick \"Demo Creator\" on the sandbox's consent page and press\n")
                .append("  Authorize; TikTok sends you back to the app. The README has the same tour with curl.\n");
        out.append("\nLogs: ").append(logs).append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
