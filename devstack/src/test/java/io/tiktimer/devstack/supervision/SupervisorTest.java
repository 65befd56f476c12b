package io.tiktimer.devstack.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.devstack.ChildJvm;
import io.tiktimer.devstack.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real child JVM under the supervisor, killed with SIGKILL as a crash or the kernel's OOM killer would: it comes
 * back on its port after a wait that doubles while it keeps dying, and stays down once the owner is shutting down.
 */
class SupervisorTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(300), Duration.ofMillis(1200),
            Duration.ofMinutes(1));
    /** Longer than any wait of {@link #FAST} plus a probe's start-up: a restart would have happened by then. */
    private static final Duration LONGER_THAN_A_RESTART = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final int port = Ports.free();
    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void aKilledProcessIsStartedAgainOnItsPortAndEveryStepIsOneLogLine() throws Exception {
        SupervisedProcess<ChildJvm> probe = supervise(FAST);
        long first = probe.status().pid();

        kill(first);

        await().atMost(Duration.ofSeconds(30)).until(() -> log.size() == 2);
        ProcessStatus status = probe.status();
        assertThat(status.state()).isEqualTo(ProcessStatus.State.RUNNING);
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.pid()).isNotNull().isNotEqualTo(first);
        assertThat(status.lastExitCode()).as("128 + SIGKILL").hasValue(137);
        assertThat(status.lastRestartAt()).isNotNull();
        assertThat(ProcessHandle.of(first)).as("the killed process").isEmpty();
        assertThat(Ports.isListening(port)).as("the same port again").isTrue();
        assertThat(log).containsExactly(
                "probe exited (pid " + first + ", exit code 137); restart attempt 1 in 300 ms",
                "probe restarted (pid " + status.pid() + ", attempt 1)");
    }

    @Test
    void theStateIsServedAsJsonOnLoopback() throws Exception {
        SupervisedProcess<ChildJvm> probe = supervise(FAST);
        kill(probe.status().pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().restarts() == 1);
        ProcessStatus status = probe.status();

        try (ProcessStatusServer server = ProcessStatusServer.start(supervisor)) {
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            HttpResponse<String> answer = get(server.url() + "/processes");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode json = new ObjectMapper().readTree(answer.body()).path("probe");
            assertThat(json.path("state").asText()).isEqualTo("running");
            assertThat(json.path("pid").asLong()).isEqualTo(status.pid());
            assertThat(json.path("restarts").asInt()).isEqualTo(1);
            assertThat(json.path("last_exit_code").asInt()).isEqualTo(137);
            assertThat(Instant.parse(json.path("last_restart_at").asText())).isEqualTo(status.lastRestartAt());

            assertThat(get(server.url() + "/elsewhere").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theWaitDoublesWithEachDeathInARowUpToItsMaximum() {
        SupervisedProcess<ChildJvm> probe = supervise(FAST);
        List<Duration> downtimes = new ArrayList<>();

        for (int death = 1; death <= 4; death++) {
            long killedAt = System.nanoTime();
            kill(probe.status().pid());
            int restarts = death;
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().restarts() == restarts);
            downtimes.add(Duration.ofNanos(System.nanoTime() - killedAt));
        }

        assertThat(log).filteredOn(line -> line.contains(" exited "))
                .map(line -> line.substring(line.indexOf("; ") + 2))
                .containsExactly("restart attempt 1 in 300 ms", "restart attempt 2 in 600 ms",
                        "restart attempt 3 in 1.2 s", "restart attempt 4 in 1.2 s");
        assertThat(downtimes.get(1)).as("down for at least the second wait").isGreaterThan(Duration.ofMillis(600));
        assertThat(downtimes.get(2)).as("down for at least the third wait").isGreaterThan(Duration.ofMillis(1200));
    }

    @Test
    void aProcessThatStayedUpLongEnoughIsRetriedAtOnceAgain() throws InterruptedException {
        Duration stableAfter = Duration.ofSeconds(2);
        SupervisedProcess<ChildJvm> probe = supervise(new Backoff(FAST.initial(), FAST.max(), stableAfter));
        for (int restarts = 1; restarts <= 2; restarts++) {
            kill(probe.status().pid());
            int expected = restarts;
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().restarts() == expected);
        }

        // what is tested is that time passed with the process up; no condition can stand in for that
        Thread.sleep(stableAfter.plusMillis(200).toMillis());
        kill(probe.status().pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().restarts() == 3);

        assertThat(log).filteredOn(line -> line.contains(" exited "))
                .map(line -> line.substring(line.indexOf("; ") + 2))
                .containsExactly("restart attempt 1 in 300 ms", "restart attempt 2 in 600 ms",
                        "restart attempt 1 in 300 ms");
    }

    @Test
    void aRestartThatFailsCountsAsAnAttemptAndIsRetriedAfterTheNextWait() throws Exception {
        SupervisedProcess<ChildJvm> probe = supervise(FAST);
        long first = probe.status().pid();
        Path refuse = Files.createFile(dir.resolve("refuse"));

        kill(first);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> log.stream().anyMatch(line -> line.startsWith("probe restart attempt 2 failed")));
        assertThat(probe.status().state()).isEqualTo(ProcessStatus.State.RESTARTING);
        assertThat(probe.status().pid()).isNull();
        Files.delete(refuse);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().state() == ProcessStatus.State.RUNNING);

        String failed = "probe restart attempt %d failed (probe exited before listening on port " + port + ")";
        assertThat(log).startsWith(
                "probe exited (pid " + first + ", exit code 137); restart attempt 1 in 300 ms",
                failed.formatted(1) + "; restart attempt 2 in 600 ms",
                failed.formatted(2) + "; restart attempt 3 in 1.2 s");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.get(log.size() - 1).contains(" restarted "));
        assertThat(log.get(log.size() - 1)).matches("probe restarted \\(pid \\d+, attempt [3-9]\\)");
        assertThat(probe.status().restarts()).as("only restarts that came up").isEqualTo(1);
        assertThat(probe.status().lastExitCode()).as("the death, not a failed start").hasValue(137);
    }

    @Test
    void closeStopsTheProcessAndNothingStartsItAgain() throws InterruptedException {
        SupervisedProcess<ChildJvm> probe = supervise(FAST);
        long pid = probe.status().pid();

        supervisor.close();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        Thread.sleep(LONGER_THAN_A_RESTART.toMillis());
        assertThat(Ports.isListening(port)).isFalse();
        assertThat(log).isEmpty();
    }

    @Test
    void aDeathOnceShutdownHasBegunIsFinal() throws InterruptedException {
        SupervisedProcess<ChildJvm> probe = supervise(FAST);

        supervisor.stopRestarting();
        kill(probe.status().pid());

        Thread.sleep(LONGER_THAN_A_RESTART.toMillis());
        assertThat(Ports.isListening(port)).isFalse();
        assertThat(log).isEmpty();
    }

    @Test
    void aShutdownDuringTheWaitAbandonsTheRestart() throws InterruptedException {
        SupervisedProcess<ChildJvm> probe = supervise(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1)));

        kill(probe.status().pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().state() == ProcessStatus.State.RESTARTING);
        supervisor.close();

        Thread.sleep(LONGER_THAN_A_RESTART.toMillis());
        assertThat(Ports.isListening(port)).isFalse();
        assertThat(log).noneMatch(line -> line.contains(" restarted "));
        assertThat(probe.status().state()).isEqualTo(ProcessStatus.State.STOPPED);
    }

    private SupervisedProcess<ChildJvm> supervise(Backoff backoff) {
        supervisor = new Supervisor(backoff, log::add);
        return supervisor.supervise("probe", this::startProbe);
    }

    /** Started as LocalStack starts its children: same port, same arguments, and up only once it listens. */
    private ChildJvm startProbe() {
        ChildJvm jvm = ChildJvm.start("probe", List.of(testClasses()),
                List.of("-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), ListeningProbe.class.getName(),
                List.of(Integer.toString(port), dir.resolve("refuse").toString()), dir.resolve("probe.log"));
        try {
            Ports.awaitListening(port, Duration.ofSeconds(30), jvm::isAlive, "probe");
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        return jvm;
    }

    private static void kill(long pid) {
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String testClasses() {
        try {
            return Path.of(ListeningProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
