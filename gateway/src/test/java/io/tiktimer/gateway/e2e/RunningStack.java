package io.tiktimer.gateway.e2e;

import io.tiktimer.devstack.Ports;
import io.tiktimer.devstack.RepositoryLayout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack started exactly as a person starts it: the README's {@code ./run}, in its own process, on free ports and
 * a throw-away home directory. The tests talk to it only through the gateway URL it prints.
 */
final class RunningStack {

    private static final Pattern COMPONENT = Pattern.compile("^\\s{4}(\\S+)\\s+(\\S+)$");
    private static final Pattern GATEWAY = Pattern.compile("^\\s+Gateway:\\s+(\\S+)$");

    private final Process process;
    private final List<String> output;
    private final Map<String, String> components;
    private final String gateway;
    private final Path home;

    private RunningStack(Process process, List<String> output, Map<String, String> components, String gateway,
                         Path home) {
        this.process = process;
        this.output = output;
        this.components = components;
        this.gateway = gateway;
        this.home = home;
    }

    static RunningStack start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** Starts the stack with extra environment variables, which every process it starts inherits. */
    static RunningStack start(Map<String, String> environment) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("tiktimer-e2e");
        ProcessBuilder builder = new ProcessBuilder(RepositoryLayout.root().resolve("run").toString())
                .directory(RepositoryLayout.root().toFile())
                .redirectErrorStream(true);
        builder.environment().put("TIKTIMER_HOME", home.toString());
        builder.environment().put("TIKTIMER_PORTS", "random");
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    if (line.startsWith("Press Ctrl-C")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "run-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(5, TimeUnit.MINUTES) || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("./run did not become ready:\n" + String.join("\n", output));
        }
        Map<String, String> components = new LinkedHashMap<>();
        String gateway = null;
        for (String line : output) {
            Matcher component = COMPONENT.matcher(line);
            if (component.matches()) {
                components.put(component.group(1), component.group(2));
            }
            Matcher gatewayLine = GATEWAY.matcher(line);
            if (gatewayLine.matches()) {
                gateway = gatewayLine.group(1);
            }
        }
        return new RunningStack(process, output, components, gateway, home);
    }

    String gateway() {
        return gateway;
    }

    /** Name → URL of every component the run command printed (services, sandbox hosts, postgres, kafka, s3). */
    Map<String, String> components() {
        return components;
    }

    List<String> output() {
        return output;
    }

    /** Ports the stack listened on, read from what it printed. */
    List<Integer> listeningPorts() {
        List<Integer> ports = new ArrayList<>();
        for (String url : components.values()) {
            String address = url.replaceFirst("^jdbc:", "");
            if (!address.contains("://")) {
                address = "tcp://" + address;
            }
            int port = URI.create(address).getPort();
            if (port > 0) {
                ports.add(port);
            }
        }
        return ports;
    }

    /**
     * Stops the stack with a signal, as Ctrl-C ({@code INT}) or a service manager ({@code TERM}) would, and waits for
     * the command to exit.
     *
     * @return the command's exit code
     */
    int stop(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./run did not stop on SIG" + signal);
        }
        return process.exitValue();
    }

    /** Descendant processes alive right now (the services, Kafka, s3proxy, ...). */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    Path home() {
        return home;
    }

    static boolean anyListening(List<Integer> ports) {
        for (int port : ports) {
            Ports.awaitClosed(port, Duration.ofSeconds(5));
            if (Ports.isListening(port)) {
                return true;
            }
        }
        return false;
    }
}
