package io.tiktimer.chaos;

import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.Ports;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.QuarkusAppProcess;
import io.tiktimer.devstack.RepositoryLayout;
import io.tiktimer.devstack.S3Server;
import io.tiktimer.devstack.run.LocalSecrets;
import io.tiktimer.devstack.run.ServiceEnvironments;
import io.tiktimer.devstack.supervision.Backoff;
import io.tiktimer.devstack.supervision.ProcessStatus;
import io.tiktimer.devstack.supervision.SupervisedProcess;
import io.tiktimer.devstack.supervision.Supervisor;
import io.tiktimer.sandbox.DemoAccounts;
import io.tiktimer.sandbox.SandboxConfig;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.TikTokSandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole stack as separate processes, as in production: PostgreSQL, Kafka and S3 on data directories that outlive
 * their processes, the TikTok sandbox in this JVM (its records are the verdict's evidence), and the packaged services
 * with two replicas of post-service and of publisher-worker. Every process but S3 is under devstack's
 * {@link Supervisor}, as under {@code ./run}: a killed one is started again with its configuration, port and data
 * directory. S3 is started and stopped by the harness itself, so an outage lasts as long as the run wants.
 */
final class ChaosStack implements AutoCloseable {

    static final String CLIENT_KEY = "tiktimer-chaos";
    static final String MEDIA_BASE_URL = "https://media.tiktimer.test/";
    static final String BUCKET = "tiktimer-media";
    /** The replicas a fault may kill; the infrastructure has faults of its own. */
    static final List<String> SERVICES = List.of("auth-service", "tiktok-service", "post-service-1", "post-service-2",
            "publisher-worker-1", "publisher-worker-2", "gateway");

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Posts (and pending inbox shares) per account and day when the real caps are raised: more than a run sends. */
    static final int RAISED_DAILY_CAP = 100_000;

    private final ChaosSettings settings;
    private final Path home;
    private final Supervisor supervisor;
    private final Map<String, SupervisedProcess<QuarkusAppProcess>> services = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private SupervisedProcess<PostgresServer> postgres;
    private SupervisedProcess<KafkaBroker> kafka;
    private volatile S3Server s3;
    private int s3Port;
    private TikTokSandbox sandbox;

    private ChaosStack(ChaosSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.home = settings.workDirectory();
        // quick restarts: the faults come every few seconds, and a run measures recovery, not patience
        this.supervisor = new Supervisor(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30)), log);
    }

    static ChaosStack start(ChaosSettings settings, Consumer<String> log) {
        ChaosStack stack = new ChaosStack(settings, log);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        LocalSecrets secrets = new LocalSecrets(home.resolve("secrets"));
        Path pgData = home.resolve("postgres");
        int pgPort = Ports.free();
        // synchronous_commit on: an acknowledged commit must survive the immediate stops the run inflicts
        Map<String, String> pgConf = Map.of("fsync", "on", "synchronous_commit", "on", "max_connections", "300");
        postgres = supervisor.supervise("postgres", () -> PostgresServer.startPersistent(pgData, pgPort, pgConf));
        Path kafkaData = home.resolve("kafka");
        int kafkaPort = Ports.free();
        kafka = supervisor.supervise("kafka", () -> KafkaBroker.startPersistent(kafkaData, kafkaPort, 4));
        s3Port = Ports.free();
        startS3();

        SandboxConfig config = SandboxConfig.defaults();
        if (!settings.realCaps()) {
            for (SandboxEndpoint endpoint : List.of(SandboxEndpoint.VIDEO_INIT, SandboxEndpoint.INBOX_VIDEO_INIT,
                    SandboxEndpoint.CONTENT_INIT)) {
                config.requestsPerMinute(endpoint, 60);
            }
            config.pendingShareCap(RAISED_DAILY_CAP);
        }
        sandbox = TikTokSandbox.start(config);
        String secret = secrets.clientSecret("tiktok-sandbox-app");
        for (String name : SERVICES) {
            ports.put(name, Ports.free());
        }
        String tiktokUrl = url("tiktok-service");
        String callback = tiktokUrl + "/api/v1/auth/tiktok/callback";
        sandbox.registerApp(DemoAccounts.app(CLIENT_KEY, secret, List.of(callback))).verifiedUrlPrefix(MEDIA_BASE_URL);

        Map<String, String> common = new HashMap<>();
        common.put("DB_URL", postgres.current().orElseThrow().jdbcUrl());
        common.put("DB_USER", PostgresServer.USER);
        common.put("DB_PASSWORD", PostgresServer.PASSWORD);
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.current().orElseThrow().bootstrapServers());
        String authUrl = url("auth-service");
        common.putAll(ServiceEnvironments.jwt(authUrl));

        Map<String, String> s3Env = new HashMap<>(ServiceEnvironments.embeddedS3("http://" + Ports.LOOPBACK + ":"
                + s3Port));
        s3Env.put("MEDIA_BUCKET", BUCKET);
        s3Env.put("AWS_REGION", S3Server.REGION);

        Map<String, String> tiktok = new HashMap<>();
        tiktok.put("TIKTOK_API_BASE_URL", sandbox.apiBaseUrl());
        tiktok.put("TIKTOK_AUTH_BASE_URL", sandbox.authBaseUrl());
        tiktok.put("TIKTOK_CLIENT_KEY", CLIENT_KEY);
        tiktok.put("TIKTOK_CLIENT_SECRET", secret);
        tiktok.put("TIKTOK_REDIRECT_URI", callback);

        Map<String, String> auth = ServiceEnvironments.authService(common, secrets, tiktokUrl);
        Map<String, String> tiktokService = ServiceEnvironments.tiktokService(common, tiktok, secrets);
        Map<String, String> post = ServiceEnvironments.postService(common, s3Env, secrets, tiktokUrl);
        Map<String, String> publisher = ServiceEnvironments.publisherWorker(common, s3Env, tiktok, secrets,
                tiktokUrl);
        // TikTok pulls photos from the public media address (verified for the app above)
        publisher.put("MEDIA_PUBLIC_BASE_URL", MEDIA_BASE_URL);
        // a slow TikTok answer counts as lost after 8 s (30 s in production), so a run meets many and stays short
        publisher.put("TIKTOK_REQUEST_TIMEOUT", "8s");
        if (!settings.realCaps()) {
            publisher.put("PUBLISHER_LIMITS_DIRECT_POSTS_PER_DAY", Integer.toString(RAISED_DAILY_CAP));
            publisher.put("PUBLISHER_LIMITS_INBOX_SHARES_PER_DAY", Integer.toString(RAISED_DAILY_CAP));
            publisher.put("PUBLISHER_LIMITS_INIT_PER_MINUTE", "60");
        }

        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        envs.put("auth-service", auth);
        envs.put("tiktok-service", tiktokService);
        envs.put("post-service-1", post);
        envs.put("post-service-2", post);
        envs.put("publisher-worker-1", publisher);
        envs.put("publisher-worker-2", publisher);
        // auth first: the others fetch its keys and their service tokens from it while they start
        startService("auth-service", envs.get("auth-service")).join();
        List<CompletableFuture<Void>> rest = new ArrayList<>();
        envs.keySet().stream().filter(name -> !name.equals("auth-service"))
                .forEach(name -> rest.add(startService(name, envs.get(name))));
        rest.forEach(CompletableFuture::join);

        Map<String, String> gateway = new HashMap<>();
        gateway.put("AUTH_SERVICE_URL", authUrl);
        gateway.put("TIKTOK_SERVICE_URL", tiktokUrl);
        gateway.put("POST_SERVICE_URL", url("post-service-1"));
        gateway.put("PUBLISHER_WORKER_URL", url("publisher-worker-1"));
        gateway.put("MANAGEMENT_PORT", Integer.toString(Ports.free()));
        startService("gateway", gateway).join();
    }

    private CompletableFuture<Void> startService(String name, Map<String, String> env) {
        String module = name.replaceFirst("-\\d$", "");
        Path log = home.resolve("logs").resolve(name + ".log");
        int port = ports.get(name);
        return CompletableFuture.runAsync(() -> services.put(name, supervisor.supervise(name, () ->
                QuarkusAppProcess.start(name, RepositoryLayout.quarkusRunJar(module), port, env, List.of("-Xmx192m"),
                        log, READY_TIMEOUT))));
    }

    /** The base URL of a service replica (it keeps its port across restarts). */
    String url(String service) {
        return "http://" + Ports.LOOPBACK + ":" + ports.get(service);
    }

    String gateway() {
        return url("gateway");
    }

    TikTokSandbox sandbox() {
        return sandbox;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + postgres.current().map(PostgresServer::port)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running")) + "/"
                + PostgresServer.DATABASE;
    }

    String kafkaBootstrap() {
        return kafka.current().orElseThrow(() -> new IllegalStateException("Kafka is not running")).bootstrapServers();
    }

    /** {@code kill -9} of a service replica; the supervisor starts it again. False when it is restarting already. */
    boolean kill(String service) {
        return killHard(services.get(service));
    }

    /** {@code kill -9} of the broker; the supervisor starts it again on the same data directory and port. */
    boolean killKafka() {
        return killHard(kafka);
    }

    /**
     * PostgreSQL's immediate shutdown (SIGQUIT to the postmaster: no checkpoint, crash recovery on the next start),
     * the closest to a crash that leaves no orphaned backend holding the data directory. The supervisor restarts it.
     */
    boolean stopPostgresImmediately() {
        Long pid = postgres.status().pid();
        if (pid == null) {
            return false;
        }
        try {
            return new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("kill -QUIT failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** S3 goes away (its process killed) until {@link #restoreS3()}. */
    void takeS3Away() {
        S3Server running = s3;
        s3 = null;
        if (running != null) {
            ProcessHandle.of(running.pid()).ifPresent(ProcessHandle::destroyForcibly);
            running.close();
        }
    }

    void restoreS3() {
        if (s3 == null) {
            startS3();
        }
    }

    private void startS3() {
        s3 = S3Server.startPersistent(home.resolve("s3"), s3Port).createBucket(BUCKET);
    }

    /** Every supervised process' restarts so far. */
    Map<String, ProcessStatus> processes() {
        return supervisor.statuses();
    }

    /** Waits until every supervised process runs again (after the last fault). */
    void awaitAllRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (s3 != null && supervisor.statuses().values().stream()
                    .allMatch(s -> s.state() == ProcessStatus.State.RUNNING)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not every process is running again: " + supervisor.statuses());
    }

    private static boolean killHard(SupervisedProcess<?> process) {
        Long pid = process == null ? null : process.status().pid();
        if (pid == null) {
            return false;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
    }

    @Override
    public void close() {
        supervisor.close();
        S3Server running = s3;
        if (running != null) {
            running.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
