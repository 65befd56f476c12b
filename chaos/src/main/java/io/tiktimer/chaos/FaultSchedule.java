package io.tiktimer.chaos;

import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.RandomFaults;
import io.tiktimer.sandbox.SandboxEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The faults of a run, one after another at seeded random moments for the fault period: first every kind once in a
 * seeded order (so even a short run meets them all), then kinds drawn at random. Throughout, the sandbox answers a
 * share of TikTok calls badly. Every fault is logged with its time, so a failing run can be read against the
 * services' logs.
 */
final class FaultSchedule {

    enum Kind {
        KILL_POST_SERVICE, KILL_PUBLISHER_WORKER, KILL_AUTH_SERVICE, KILL_TIKTOK_SERVICE, KILL_GATEWAY,
        KAFKA_KILLED, POSTGRES_STOPPED_IMMEDIATELY, S3_UNREACHABLE
    }

    /** Beyond the worker's 8 s TikTok timeout, so the answer is lost after TikTok acted. */
    private static final Duration SLOW_MIN = Duration.ofSeconds(9);
    private static final Duration SLOW_MAX = Duration.ofSeconds(12);

    private final ChaosStack stack;
    private final Random random;
    private final long seed;
    private final Consumer<String> log;
    private final Map<String, Integer> happened = new TreeMap<>();
    private Instant lastFaultEnded;

    FaultSchedule(ChaosStack stack, long seed, Consumer<String> log) {
        this.stack = stack;
        this.seed = seed;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.log = log;
    }

    /** TikTok misbehaving for a share of calls: 5xx, 429, answers too late, connections dropped after the effect. */
    RandomFaults tiktokFaults() {
        RandomFaults faults = new RandomFaults(seed);
        Supplier<Fault> slow = () -> Fault.slowResponse(faults.between(SLOW_MIN, SLOW_MAX));
        for (SandboxEndpoint init : List.of(SandboxEndpoint.VIDEO_INIT, SandboxEndpoint.INBOX_VIDEO_INIT,
                SandboxEndpoint.CONTENT_INIT)) {
            faults.on(init, 0.08, () -> Fault.serverError(500), () -> Fault.serverError(503), Fault::rateLimited,
                    slow, Fault::dropConnectionAfterEffect);
        }
        faults.on(SandboxEndpoint.CREATOR_INFO, 0.08, () -> Fault.serverError(502), Fault::rateLimited, slow);
        faults.on(SandboxEndpoint.STATUS_FETCH, 0.10, () -> Fault.serverError(504), Fault::rateLimited, slow,
                Fault::dropConnectionAfterEffect);
        // a chunk PUT may be committed and its answer lost; uploads have a long timeout of their own, so no slow ones
        faults.on(SandboxEndpoint.UPLOAD, 0.06, () -> Fault.serverError(500), () -> Fault.serverError(503),
                Fault::dropConnectionAfterEffect);
        faults.slowProcessing(0.15, Duration.ofSeconds(20), Duration.ofSeconds(60));
        return faults;
    }

    /** Runs faults until {@code end}; returns when the last one is over (S3 back, kills done). */
    void runUntil(Instant end) {
        List<Kind> firstRound = new ArrayList<>(Arrays.asList(Kind.values()));
        Collections.shuffle(firstRound, random);
        int round = 0;
        while (Instant.now().isBefore(end)) {
            Kind kind = round < firstRound.size() ? firstRound.get(round)
                    : Kind.values()[random.nextInt(Kind.values().length)];
            round++;
            if (inflict(kind)) {
                happened.merge(kind.name(), 1, Integer::sum);
            } else if (round <= firstRound.size()) {
                // every kind at least once: one that could not happen now comes again at the end of the round
                firstRound.add(kind);
            }
            lastFaultEnded = Instant.now();
            Http.sleep(4000 + random.nextInt(8000));
        }
    }

    private boolean inflict(Kind kind) {
        return switch (kind) {
            case KILL_POST_SERVICE -> kill(pick("post-service-1", "post-service-2"));
            case KILL_PUBLISHER_WORKER -> kill(pick("publisher-worker-1", "publisher-worker-2"));
            case KILL_AUTH_SERVICE -> kill("auth-service");
            case KILL_TIKTOK_SERVICE -> kill("tiktok-service");
            case KILL_GATEWAY -> kill("gateway");
            case KAFKA_KILLED -> report(stack.killKafka(), "kill -9 of the Kafka broker");
            case POSTGRES_STOPPED_IMMEDIATELY -> report(stack.stopPostgresImmediately(),
                    "PostgreSQL stopped immediately (SIGQUIT to the postmaster)");
            case S3_UNREACHABLE -> {
                long millis = 5000 + random.nextInt(15000);
                stack.takeS3Away();
                log.accept("S3 unreachable for " + millis / 1000 + " s");
                Http.sleep(millis);
                stack.restoreS3();
                log.accept("S3 back");
                yield true;
            }
        };
    }

    private String pick(String... replicas) {
        return replicas[random.nextInt(replicas.length)];
    }

    private boolean kill(String service) {
        return report(stack.kill(service), "kill -9 of " + service);
    }

    private boolean report(boolean done, String what) {
        log.accept(done ? what : what + ": skipped, it is being restarted");
        return done;
    }

    Map<String, Integer> happened() {
        return happened;
    }

    Instant lastFaultEnded() {
        return lastFaultEnded;
    }
}
