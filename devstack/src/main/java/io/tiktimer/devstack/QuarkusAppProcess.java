package io.tiktimer.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process, configured only
 * through environment variables, exactly as it runs in a container. Used by tests that need a real neighbour service
 * and by the local run.
 *
 * <p>With the system property {@value #LAUNCH_PROPERTY}{@code =native} (the native CI job sets it) the service's native
 * executable ({@code target/*-runner}, from {@code -Pnative}) is started instead, so the same integration tests prove
 * the native image; a missing executable then fails the test rather than silently testing the JVM build.
 */
public final class QuarkusAppProcess implements ChildProcess {

    private static final String ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    public static final String LAUNCH_PROPERTY = "tiktimer.launch";

    private final String name;
    private final ChildJvm jvm;
    private final int port;

    private QuarkusAppProcess(String name, ChildJvm jvm, int port) {
        this.name = name;
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * Starts the service and waits until {@code /q/health/ready} answers 200.
     *
     * @param port        0 for a free port
     * @param environment the service's configuration (DB_URL, KAFKA_BOOTSTRAP_SERVERS, ...)
     * @param jvmOptions  e.g. {@code -Xmx128m}; without a collector or JIT option of their own, Serial GC and C1 only
     */
    public static QuarkusAppProcess start(String name, Path quarkusRunJar, int port, Map<String, String> environment,
                                          List<String> jvmOptions, Path log, Duration readyTimeout) {
        int httpPort = port > 0 ? port : Ports.free();
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_HTTP_HOST", Ports.LOOPBACK);
        if ("native".equals(System.getProperty(LAUNCH_PROPERTY))) {
            // JVM options do not apply: a native executable sizes its heap from the machine's (container's) memory.
            return awaitStarted(name, ChildJvm.startExecutable(name, nativeExecutable(name, quarkusRunJar),
                    List.of(), env, log), httpPort, readyTimeout);
        }
        // Test defaults: quick start-up and a small footprint on a 2-core machine. A caller that measures throughput
        // chooses its own collector and JIT (two collector flags would stop the JVM, so defaults only fill gaps).
        List<String> options = new ArrayList<>();
        if (jvmOptions.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
            options.add("-XX:+UseSerialGC");
        }
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.addAll(jvmOptions);
        ChildJvm jvm = ChildJvm.start(name, List.of(quarkusRunJar.toString()), options, ENTRY_POINT, List.of(), env,
                log);
        return awaitStarted(name, jvm, httpPort, readyTimeout);
    }

    /** {@code target/<artifact>-<version>-runner} beside {@code target/quarkus-app/quarkus-run.jar}. */
    static Path nativeExecutable(String name, Path quarkusRunJar) {
        Path target = quarkusRunJar.toAbsolutePath().getParent().getParent();
        try (var files = java.nio.file.Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner") && java.nio.file.Files.isExecutable(f))
                    .findFirst().orElseThrow(() -> new IllegalStateException(LAUNCH_PROPERTY + "=native, but "
                            + target + " holds no native executable of " + name + " (build it with -Pnative)"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static QuarkusAppProcess awaitStarted(String name, ChildJvm jvm, int httpPort, Duration readyTimeout) {
        QuarkusAppProcess app = new QuarkusAppProcess(name, jvm, httpPort);
        try {
            app.awaitReady(readyTimeout);
        } catch (RuntimeException e) {
            String tail = jvm.logTail();
            jvm.close();
            throw new IllegalStateException(e.getMessage() + "\n" + tail, e);
        }
        return app;
    }

    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return jvm.pid();
    }

    @Override
    public CompletableFuture<OptionalInt> onExit() {
        return jvm.onExit();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    public Path log() {
        return jvm.log();
    }

    public String logTail() {
        return jvm.logTail();
    }

    /** SIGTERM, i.e. Quarkus' graceful shutdown; forced after a grace period. */
    @Override
    public void close() {
        jvm.close();
        Ports.awaitClosed(port, Duration.ofSeconds(10));
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up");
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + " (last: " + last + ")");
    }

    @Override
    public String toString() {
        return name + " on " + baseUrl();
    }
}
