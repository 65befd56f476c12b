package io.tiktimer.devstack;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ParentWatchdogTest {

    @Test
    void aChildExitsWhenItsParentIsKilledWithoutWarning() throws Exception {
        Process parent = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                OrphanProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("child "));
            assertThat(line).as("the probe reported its child").isNotNull();
            String[] parts = line.split(" ");
            long childPid = Long.parseLong(parts[1]);
            int childPort = Integer.parseInt(parts[2]);
            assertThat(Ports.isListening(childPort)).isTrue();

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            parent.waitFor(10, TimeUnit.SECONDS);

            ProcessHandle child = ProcessHandle.of(childPid).orElse(null);
            if (child != null) {
                child.onExit().get(20, TimeUnit.SECONDS);
            }
            Ports.awaitClosed(childPort, Duration.ofSeconds(10));
            assertThat(Ports.isListening(childPort)).isFalse();
        } finally {
            parent.destroyForcibly();
        }
    }
}
