package io.tiktimer.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos short run inside {@code ./mvnw verify}: a few hundred posts through the packaged services, two replicas
 * of post-service and publisher-worker, every kind of fault at least once, and the verdict from TikTok's (the
 * sandbox's) records and the database. A fixed seed keeps CI repeatable; {@code -Dchaos.seed=N} explores another.
 */
class ChaosShortRunIT {

    private static final long DEFAULT_SEED = 20261203L;

    @Test
    void nothingIsLostOrDuplicatedWhileEveryPartFails(@TempDir Path work) throws Exception {
        long seed = Long.getLong("chaos.seed", DEFAULT_SEED);

        ChaosRun.Outcome outcome;
        try {
            outcome = new ChaosRun(ChaosSettings.shortRun(seed, work), System.out).run();
        } finally {
            keepLogs(work.resolve("logs"));
        }

        assertThat(outcome.faults()).as("every kind of fault happened")
                .containsKeys(Arrays.stream(FaultSchedule.Kind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(outcome.lost()).as("lost posts").isZero();
        assertThat(outcome.duplicated()).as("duplicated posts").isZero();
        assertThat(outcome.violations()).as("broken promises").isEmpty();
        // the verdict means something only if most posts really went out while things failed
        assertThat(outcome.publishedOnce()).as("posts published once").isGreaterThan(outcome.posts() / 2);
        assertThat(outcome.passed()).isTrue();
    }

    /** The temporary directory goes when the test ends; the processes' logs stay in target/ to explain a failure. */
    private static void keepLogs(Path logs) throws IOException {
        Path kept = Path.of("target", "chaos-logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("process logs kept in " + kept.toAbsolutePath());
    }
}
