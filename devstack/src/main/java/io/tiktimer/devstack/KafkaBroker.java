package io.tiktimer.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in a child JVM. Its classpath is resolved by Maven
 * at build time, so its jars never mix with the classpath of the service under test.
 */
public final class KafkaBroker implements ChildProcess {

    private final ChildJvm jvm;
    private final int port;
    private final Path workDirectory;
    private final boolean deleteOnClose;

    private KafkaBroker(ChildJvm jvm, int port, Path workDirectory, boolean deleteOnClose) {
        this.jvm = jvm;
        this.port = port;
        this.workDirectory = workDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** A throw-away broker on free ports; its logs are deleted on close. */
    public static KafkaBroker startEphemeral(int partitions) {
        try {
            return start(Files.createTempDirectory("tiktimer-kafka"), Ports.free(), partitions, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker whose topics and offsets survive restarts, for the local run.
     *
     * @param port 0 for a free port
     */
    public static KafkaBroker startPersistent(Path workDirectory, int port, int partitions) {
        return start(workDirectory, port > 0 ? port : Ports.free(), partitions, false);
    }

    private static KafkaBroker start(Path workDirectory, int port, int partitions, boolean deleteOnClose) {
        int controllerPort = Ports.free();
        Path logDirectory = workDirectory.resolve("data");
        Path config = workDirectory.resolve("server.properties");
        List<String> classpath = DevstackBuildInfo.kafkaClasspath();
        writeConfig(config, port, controllerPort, logDirectory, partitions);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            ChildJvm.run("kafka-storage-format", classpath, "kafka.tools.StorageTool",
                    List.of("format", "-t", newClusterId(), "-c", config.toString()),
                    workDirectory.resolve("format.log"));
        }
        ChildJvm jvm = ChildJvm.start("kafka", classpath,
                List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Djava.awt.headless=true"),
                "kafka.Kafka", List.of(config.toString()), workDirectory.resolve("kafka.log"));
        try {
            Ports.awaitListening(port, Duration.ofSeconds(60), jvm::isAlive, "Kafka");
        } catch (RuntimeException e) {
            String tail = jvm.logTail();
            jvm.close();
            throw new IllegalStateException(e.getMessage() + "\n" + tail, e);
        }
        return new KafkaBroker(jvm, port, workDirectory, deleteOnClose);
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
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

    @Override
    public void close() {
        jvm.close();
        Ports.awaitClosed(port, Duration.ofSeconds(10));
        if (deleteOnClose) {
            Directories.deleteQuietly(workDirectory);
        }
    }

    private static void writeConfig(Path file, int port, int controllerPort, Path logDirectory, int partitions) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":"
                + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDirectory.toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("auto.create.topics.enable", "true");
        // A single broker: every replicated internal topic has exactly one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "TikTimer devstack Kafka broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kafka cluster ids are 16 random bytes in URL-safe base64 without padding (22 characters). One that starts with
     * '-' would be read as an option by the storage tool, so those are drawn again.
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
