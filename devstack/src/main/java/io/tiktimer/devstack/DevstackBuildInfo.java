package io.tiktimer.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Where the build put the child programs: Maven resolves them, this class only reads what Maven wrote. */
final class DevstackBuildInfo {

    private static final Properties PROPERTIES = load();

    private DevstackBuildInfo() {
    }

    static List<String> kafkaClasspath() {
        Path file = Path.of(PROPERTIES.getProperty("kafka.classpath.file"));
        try {
            String classpath = Files.readString(file).trim();
            return Arrays.asList(classpath.split(java.io.File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka classpath " + file + " is missing: build the devstack module first", e);
        }
    }

    static Path s3ProxyJar() {
        Path jar = Path.of(PROPERTIES.getProperty("s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy is missing at " + jar + ": build the devstack module first");
        }
        return jar;
    }

    private static Properties load() {
        try (InputStream in = DevstackBuildInfo.class.getResourceAsStream("devstack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("devstack.properties missing from the devstack jar", e);
        }
    }
}
