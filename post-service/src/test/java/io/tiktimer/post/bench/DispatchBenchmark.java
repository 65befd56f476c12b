package io.tiktimer.post.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.contracts.Topics;
import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.Ports;
import io.tiktimer.devstack.QuarkusAppProcess;
import io.tiktimer.devstack.RepositoryLayout;
import io.tiktimer.devstack.S3Server;
import io.tiktimer.devstack.testing.TestJwtIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Dispatch benchmarks against the packaged service (JVM mode) with PostgreSQL (fsync on) and a real Kafka broker on
 * this machine. Not a test: run {@code post-service/bench/dispatch.sh} after {@code mvn package}. Prints:
 * <ol>
 *     <li>burst: N posts due at the same instant; posts/s from the due instant until every post.due is acknowledged
 *     by Kafka (outbox empty: the relay deletes rows only after the ack);</li>
 *     <li>steady lag: posts due at a steady rate; per post, the time from scheduled_time to the record's Kafka
 *     timestamp (CreateTime, stamped by the relay's producer at send; the ack follows within the linger + round
 *     trip) and to the moment a consumer received it (an upper bound of the ack);</li>
 *     <li>idle CPU: the service's CPU use over a period with nothing due;</li>
 *     <li>api: wrk against GET /posts (50 rows) and POST /posts, direct and through the packaged gateway.</li>
 * </ol>
 * {@code -Dparts=burst,steady,idle,api} picks some (all by default; {@code hold} keeps the stack up afterwards and
 * prints its URL and a token, for measuring by hand); {@code -DapiWarmUpRounds=12} caps the API warm-up (15 s of each
 * path per round, until a round improves the CPU per request by less than 10 %); {@code -DapiRuns=3} sets how many
 * measured runs of each path alternate (their median is printed last); {@code -DserviceJvm="..."} adds
 * options to the service's JVM; {@code -Djfr=DIR} writes a JFR profile of each measured wrk run (not the warm-ups)
 * into DIR. The service runs as it would in a JVM
 * deployment: full tiered JIT and the parallel collector, not the C1-only start-up settings tests use.
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        int burst = Integer.getInteger("burst", 100_000);
        int rate = Integer.getInteger("rate", 200);
        int steadySeconds = Integer.getInteger("steadySeconds", 30);
        List<String> parts = Arrays.asList(System.getProperty("parts", "burst,steady,idle,api").split(","));
        Path work = Files.createTempDirectory("post-bench");
        try (PostgresServer pg = PostgresServer.startPersistent(work.resolve("pg"), 0,
                Map.of("fsync", "on", "synchronous_commit", "on"));
             KafkaBroker kafka = KafkaBroker.startEphemeral(1);
             S3Server s3 = S3Server.startEphemeral().createBucket("tiktimer-media");
             TestJwtIssuer jwt = TestJwtIssuer.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("DB_URL", pg.jdbcUrl());
            env.put("DB_USER", PostgresServer.USER);
            env.put("DB_PASSWORD", PostgresServer.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("JWT_JWKS_URL", jwt.jwksUrl());
            env.put("MEDIA_BUCKET", "tiktimer-media");
            env.put("S3_ENDPOINT", s3.endpoint());
            env.put("S3_PATH_STYLE", "true");
            env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
            env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
            env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
            try (QuarkusAppProcess app = QuarkusAppProcess.start("post-service-bench",
                    RepositoryLayout.quarkusRunJar("post-service"), 0, env, serviceJvmOptions(),
                    work.resolve("app.log"), Duration.ofSeconds(120));
                 Connection db = DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD)) {
                printLoad("before");
                long mediaId = seedMedia(db);
                if (parts.contains("burst")) {
                    runBurst(db, kafka, burst, mediaId, app.pid());
                    printLoad("after burst");
                }
                if (parts.contains("steady")) {
                    runSteady(db, kafka, rate, steadySeconds, mediaId);
                    printLoad("after steady");
                }
                if (parts.contains("idle")) {
                    Thread.sleep(20_000); // let the JIT finish compiling what start-up and the runs above warmed up
                    idleCpu(app.pid(), 60);
                }
                if (parts.contains("api")) {
                    try (QuarkusAppProcess gateway = startGateway(app.baseUrl(), work)) {
                        apiThroughput(db, app.baseUrl(), app.pid(), gateway, jwt.userToken(7, "bench"),
                                jwt.userToken(8, "creator"), work);
                    }
                    printLoad("after api");
                }
                if (parts.contains("hold")) {
                    System.out.printf("HOLD: service %s (pid %d), database %s%n  user 7's token: %s%n  Ctrl-C ends%n",
                            app.baseUrl(), app.pid(), pg.jdbcUrl(), jwt.userToken(7, "by-hand"));
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
        }
    }

    /**
     * The packaged gateway in front of the service, started like the service (same JVM options: full JIT). Only
     * post-service is behind it; the other services' addresses lead nowhere.
     */
    private static QuarkusAppProcess startGateway(String postService, Path work) {
        Path jar = RepositoryLayout.quarkusRunJar("gateway");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("API: the gateway is not packaged (" + jar + "); run "
                    + "./mvnw -B install -DskipTests first");
        }
        Map<String, String> env = new HashMap<>();
        env.put("POST_SERVICE_URL", postService);
        env.put("AUTH_SERVICE_URL", "http://127.0.0.1:9");
        env.put("TIKTOK_SERVICE_URL", "http://127.0.0.1:9");
        env.put("PUBLISHER_WORKER_URL", "http://127.0.0.1:9");
        env.put("MANAGEMENT_PORT", Integer.toString(Ports.free()));
        return QuarkusAppProcess.start("gateway-bench", jar, 0, env, serviceJvmOptions(), work.resolve("gateway.log"),
                Duration.ofSeconds(120));
    }

    private static List<String> serviceJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4"));
        String extra = System.getProperty("serviceJvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return options;
    }

    /**
     * wrk, 16 connections: GET /posts returning 50 rows (each a video post with its media, as a creator's schedule
     * is), and POST /posts (original JSON body). Warm-up rounds of both paths come first, each printed, until the JIT
     * has compiled them: a deployed service answers from compiled code within minutes, and figures taken while C2 is
     * still compiling (its threads count as the service's CPU) describe the first minute, not the service.
     */
    private static void apiThroughput(Connection db, String baseUrl, long pid, QuarkusAppProcess gateway, String token,
                                      String creatorToken, Path work) throws Exception {
        int maxWarmUpRounds = Integer.getInteger("apiWarmUpRounds", 12);
        try (Statement st = db.createStatement()) {
            st.execute("insert into post.media (user_id, status, kind, container, content_type, bucket, s3_key, "
                    + "size_bytes, sha256, duration_seconds) select 7, 'READY', 'VIDEO', 'mp4', 'video/mp4', "
                    + "'tiktimer-media', 'users/7/media/' || g, 1000000, repeat('a', 64), 10 from generate_series(1, 50) g");
            st.execute("with p as (insert into post.post (user_id, content, scheduled_time, platform, status, mode, "
                    + "media_type, disable_comment, disable_duet, disable_stitch, brand_content_toggle, brand_organic_toggle, "
                    + "is_aigc, due_at) select 7, 'api bench ' || g, '2030-01-01'::timestamptz + g * interval '1 hour', "
                    + "'tiktok', 'scheduled', 'DIRECT_POST', 'VIDEO', true, true, true, false, false, false, "
                    + "'2030-01-01'::timestamptz + g * interval '1 hour' from generate_series(1, 50) g returning id), "
                    + "m as (select id, row_number() over (order by id) n from post.media where user_id = 7), "
                    + "q as (select id, row_number() over (order by id) n from p) "
                    + "insert into post.post_media (post_id, position, media_id) select q.id, 0, m.id from q join m using (n)");
            st.execute("analyze"); // what autovacuum does for a live database; the planner needs the statistics
        }
        Path post = work.resolve("post.lua");
        Files.writeString(post, "wrk.method = \"POST\"\n"
                + "wrk.body = '{\"content\": \"bench\", \"scheduled_time\": \"2030-06-01T12:00:00\"}'\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        List<String> get = List.of("-H", "Authorization: Bearer " + token, baseUrl + "/posts?size=50");
        // another user creates the posts, so the listed user keeps exactly 50 (and the listing needs no count query)
        List<String> create = List.of("-H", "Authorization: Bearer " + creatorToken, "-s", post.toString(),
                baseUrl + "/posts");
        List<String> getViaGateway = List.of("-H", "Authorization: Bearer " + token, gateway.baseUrl() + "/posts?size=50");
        List<String> createViaGateway = List.of("-H", "Authorization: Bearer " + creatorToken, "-s", post.toString(),
                gateway.baseUrl() + "/posts");
        gatewayPid = gateway.pid();
        if (System.getProperty("jfr") != null) {
            // the first recording makes the JIT deoptimise, which would skew the measured run: get it over with first
            jcmd(pid, "JFR.start", "name=warm-up", "settings=default");
            jcmd(pid, "JFR.stop", "name=warm-up");
        }
        // until a round improves the service's CPU per request by less than 10 % on both paths (a worse round counts:
        // this machine's noise is about that size)
        double[] previous = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 1; round <= maxWarmUpRounds; round++) {
            double getCpu = wrk(get, "warm-up " + round + " GET", pid, false).serviceMs();
            double postCpu = wrk(create, "warm-up " + round + " POST", pid, false).serviceMs();
            // the gateway's JIT warms up in the same rounds
            wrk(getViaGateway, "warm-up " + round + " GET via gateway", pid, false);
            wrk(createViaGateway, "warm-up " + round + " POST via gateway", pid, false);
            boolean settled = getCpu > 0.9 * previous[0] && postCpu > 0.9 * previous[1];
            previous = new double[] {getCpu, postCpu};
            if (round >= 3 && settled) {
                break;
            }
        }
        // run-to-run noise on a shared two-core VM is about ±15 %: several measured runs, alternating, and their median
        int runs = Integer.getInteger("apiRuns", 3);
        List<WrkRun> listing = new ArrayList<>();
        List<WrkRun> creating = new ArrayList<>();
        List<WrkRun> listingViaGateway = new ArrayList<>();
        List<WrkRun> creatingViaGateway = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            listing.add(wrk(get, "API GET /posts (50 rows), run " + run, pid, true));
            creating.add(wrk(create, "API POST /posts, run " + run, pid, true));
            listingViaGateway.add(wrk(getViaGateway, "API GET /posts (50 rows) via gateway, run " + run, pid, true));
            creatingViaGateway.add(wrk(createViaGateway, "API POST /posts via gateway, run " + run, pid, true));
        }
        printMedian("API GET /posts (50 rows)", listing);
        printMedian("API POST /posts", creating);
        printMedian("API GET /posts (50 rows) via gateway", listingViaGateway);
        printMedian("API POST /posts via gateway", creatingViaGateway);
        gatewayPid = -1;
    }

    /** The gateway's process while the API is measured through it (its CPU is printed per request), else -1. */
    private static long gatewayPid = -1;

    /** One wrk run: requests per second and the CPU milliseconds the service and PostgreSQL spent per request. */
    private record WrkRun(double requestsPerSecond, double serviceMs, double postgresMs, double gatewayMs) {
    }

    private static void printMedian(String label, List<WrkRun> runs) {
        List<WrkRun> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(WrkRun::requestsPerSecond)).toList();
        WrkRun median = sorted.get(sorted.size() / 2);
        System.out.printf("%s, median of %d runs: %.0f req/s (runs: %s), CPU per request in that run: service %.3f ms, "
                        + "PostgreSQL %.3f ms, gateway %.3f ms%n", label, runs.size(), median.requestsPerSecond(),
                runs.stream().map(r -> String.format("%.0f", r.requestsPerSecond())).collect(Collectors.joining(", ")),
                median.serviceMs(), median.postgresMs(), median.gatewayMs());
    }

    /**
     * Runs wrk (2 threads, 16 connections, 15 s) and prints its figures with the CPU time the service and PostgreSQL
     * spent per request: a figure that, unlike requests/s, other work on the machine hardly changes.
     */
    private static WrkRun wrk(List<String> arguments, String label, long pid, boolean measured) throws Exception {
        String jfrDir = System.getProperty("jfr");
        boolean profile = jfrDir != null && measured;
        if (profile) {
            jcmd(pid, "JFR.start", "name=api", "settings=default");
        }
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d15s"));
        command.addAll(arguments);
        long service0 = cpuTicks(pid);
        long postgres0 = postgresTicks();
        long gateway0 = gatewayPid > 0 ? cpuTicks(gatewayPid) : 0;
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("API: wrk not installed (apt-get install wrk)", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        double serviceSeconds = (cpuTicks(pid) - service0) / 100.0;
        double postgresSeconds = (postgresTicks() - postgres0) / 100.0;
        double gatewaySeconds = gatewayPid > 0 ? (cpuTicks(gatewayPid) - gateway0) / 100.0 : 0;
        if (profile) {
            Path file = Path.of(jfrDir, label.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
            jcmd(pid, "JFR.stop", "name=api", "filename=" + file.toAbsolutePath());
            System.out.println("  profile: " + file);
        }
        // wrk's summary line, e.g. "31731 requests in 15.04s, 1.04GB read"
        String summary = out.lines().map(String::trim).filter(l -> l.matches("\\d+ requests in [0-9.]+s.*")).findFirst()
                .orElse("0 requests in 15s");
        long requests = Long.parseLong(summary.split(" ")[0]);
        double seconds = Double.parseDouble(summary.replaceAll(".* requests in ([0-9.]+)s.*", "$1"));
        WrkRun run = requests == 0 ? new WrkRun(0, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE)
                : new WrkRun(requests / seconds, 1000 * serviceSeconds / requests, 1000 * postgresSeconds / requests,
                        1000 * gatewaySeconds / requests);
        String perRequest = requests == 0 ? "no requests" : String.format("CPU per request: service %.3f ms, "
                + "PostgreSQL %.3f ms, gateway %.3f ms", run.serviceMs(), run.postgresMs(), run.gatewayMs());
        if (measured) {
            System.out.println(label + ":");
            out.lines().filter(l -> l.contains("Requests/sec") || l.contains("Latency") || l.contains("requests in")
                    || l.contains("Non-2xx")).forEach(l -> System.out.println("  " + l.trim()));
            System.out.println("  " + perRequest);
        } else {
            System.out.printf("  %s: %.0f req/s, %s%n", label, run.requestsPerSecond(), perRequest);
        }
        return run;
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
    }

    /** CPU ticks of every PostgreSQL process on the machine (the benchmark's server is the only one). */
    private static long postgresTicks() throws Exception {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(proc.resolve("comm")).trim().equals("postgres")) {
                        ticks += cpuTicks(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (java.io.IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return ticks;
    }

    private static long seedMedia(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "insert into post.media (user_id, status, kind, container, content_type, bucket, s3_key, size_bytes, sha256, "
                        + "duration_seconds) values (1, 'READY', 'VIDEO', 'mp4', 'video/mp4', 'tiktimer-media', 'users/1/media/1', "
                        + "1000000, repeat('a', 64), 10) returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String insertDue(long mediaId, String dueExpression, int count) {
        return "with ins as (insert into post.post (user_id, content, scheduled_time, platform, status, tiktok_account_id, "
                + "mode, media_type, privacy_level, disable_comment, disable_duet, disable_stitch, brand_content_toggle, "
                + "brand_organic_toggle, is_aigc, due_at) select 1, 'bench ' || g, " + dueExpression + ", 'tiktok', "
                + "'scheduled', (g % 500) + 1, 'DIRECT_POST', 'VIDEO', 'SELF_ONLY', true, true, true, false, false, false, "
                + dueExpression + " from generate_series(1, " + count + ") g returning id) "
                + "insert into post.post_media (post_id, position, media_id) select id, 0, " + mediaId + " from ins";
    }

    private static void runBurst(Connection db, KafkaBroker kafka, int count, long mediaId, long pid) throws Exception {
        Instant due = Instant.now().plusSeconds(20);
        try (Statement st = db.createStatement()) {
            st.execute(insertDue(mediaId, "'" + due + "'::timestamptz", count));
        }
        while (Instant.now().isBefore(due)) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        long service0 = cpuTicks(pid);
        long postgres0 = postgresTicks();
        long gateway0 = gatewayPid > 0 ? cpuTicks(gatewayPid) : 0;
        while (true) {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                    "select (select count(*) from post.post where status = 'scheduled'), (select count(*) from post.outbox_event)")) {
                rs.next();
                if (rs.getLong(1) == 0 && rs.getLong(2) == 0) {
                    break;
                }
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time is steadier than wall time on a shared machine: it does not count the time other work held the cores
        double serviceCpu = (cpuTicks(pid) - service0) / 100.0;
        double postgresCpu = (postgresTicks() - postgres0) / 100.0;
        long onTopic = countTopic(kafka);
        System.out.printf("BURST: %d posts due at once -> all post.due acknowledged by Kafka in %.2f s = %.0f posts/s "
                + "(records on post.due: %d); CPU: service %.2f s, PostgreSQL %.2f s (%.1f µs per post)%n", count,
                seconds, count / seconds, onTopic, serviceCpu, postgresCpu, (serviceCpu + postgresCpu) * 1e6 / count);
    }

    private static long countTopic(KafkaBroker kafka) {
        try (KafkaConsumer<String, String> c = consumer(kafka)) {
            var partitions = c.partitionsFor(Topics.POST_DUE).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            return c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker kafka) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
    }

    private static void runSteady(Connection db, KafkaBroker kafka, int rate, int seconds, long mediaId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        // the first seconds at the same rate only warm the JIT up; the figures are about the steady state after them
        int warmSeconds = 10;
        int count = rate * seconds;
        int total = rate * (seconds + warmSeconds);
        long stepMicros = 1_000_000L / rate;
        try (KafkaConsumer<String, String> c = consumer(kafka)) {
            c.subscribe(List.of(Topics.POST_DUE));
            while (c.assignment().isEmpty()) {
                c.poll(Duration.ofMillis(100));
            }
            c.seekToEnd(c.assignment());
            c.assignment().forEach(c::position);
            Instant start = Instant.now().plusSeconds(10);
            try (Statement st = db.createStatement()) {
                st.execute(insertDue(mediaId, "'" + start + "'::timestamptz + (g * " + stepMicros + ") * interval '1 microsecond'", total));
            }
            List<Long> toSend = new ArrayList<>();
            List<Long> toReceive = new ArrayList<>();
            long measuredFrom = start.toEpochMilli() + warmSeconds * 1000L;
            long deadline = System.currentTimeMillis() + 10_000 + (seconds + warmSeconds) * 1000L + 15_000;
            while (toReceive.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(5))) {
                    long now = System.currentTimeMillis();
                    JsonNode n = json.readTree(r.value());
                    long scheduled = Instant.parse(n.get("scheduledTime").asText()).toEpochMilli();
                    if (scheduled < measuredFrom) {
                        continue;
                    }
                    toSend.add(r.timestamp() - scheduled);
                    toReceive.add(now - scheduled);
                }
            }
            System.out.printf("STEADY: %d posts at %d/s after a " + warmSeconds + " s warm-up; scheduled_time -> Kafka record timestamp: p50 %d ms, p99 %d ms, "
                            + "max %d ms; scheduled_time -> consumer received: p50 %d ms, p99 %d ms, max %d ms (%d received)%n",
                    count, rate, pct(toSend, 50), pct(toSend, 99), pct(toSend, 100), pct(toReceive, 50),
                    pct(toReceive, 99), pct(toReceive, 100), toReceive.size());
        }
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        int i = (int) Math.min(a.length - 1, Math.ceil(p / 100.0 * a.length) - 1);
        return a[Math.max(0, i)];
    }

    /**
     * The service's CPU use with nothing due, split into the JIT compiler threads (still compiling what start-up and
     * earlier runs warmed up; this fades out) and everything else (consumers, dispatcher, relay: the lasting cost).
     */
    private static void idleCpu(long pid, int seconds) throws Exception {
        Map<String, long[]> before = threadTicks(pid);
        Thread.sleep(seconds * 1000L);
        Map<String, long[]> after = threadTicks(pid);
        long total = 0;
        long jit = 0;
        for (Map.Entry<String, long[]> thread : after.entrySet()) {
            long[] was = before.get(thread.getKey());
            long used = thread.getValue()[1] - (was == null ? 0 : was[1]);
            total += used;
            if (thread.getValue()[0] == 1) {
                jit += used;
            }
        }
        System.out.printf("IDLE: service used %.2f CPU-s in %d s = %.2f%% of one core (nothing due); JIT compiler "
                        + "threads %.2f%%, the rest (consumers, dispatcher, relay idle-polling) %.2f%%%n",
                total / 100.0, seconds, total / (double) seconds, jit / (double) seconds, (total - jit) / (double) seconds);
    }

    /** Per thread of the process: {is a JIT compiler thread ? 1 : 0, utime + stime in clock ticks}. */
    private static Map<String, long[]> threadTicks(long pid) throws Exception {
        Map<String, long[]> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName().toString(), new long[] {name.contains("CompilerThre") ? 1 : 0,
                            Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (java.io.IOException gone) {
                    // the thread ended while we looked
                }
            }
        }
        return ticks;
    }

    /** utime + stime of the process, in clock ticks (USER_HZ = 100 on Linux). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static void printLoad(String when) throws Exception {
        System.out.printf("LOAD (%s): %s", when, Files.readString(Path.of("/proc/loadavg")));
    }
}
