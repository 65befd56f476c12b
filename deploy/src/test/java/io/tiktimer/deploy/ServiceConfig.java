package io.tiktimer.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one Quarkus service reads from its {@code application.properties} in the prod profile: the environment
 * variables it needs without a default, its HTTP port, its readiness path and the Kafka topics it names.
 * The file is loaded with {@link Properties}; values are scanned for {@code ${...}} expressions by a small brace
 * matcher (nested defaults such as {@code ${A:${B}}} are followed).
 */
record ServiceConfig(String module, Properties properties) {

    private static final String ENV_NAME = "[A-Z][A-Z0-9_]*";

    static ServiceConfig load(Path repoRoot, String module) {
        Path file = repoRoot.resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return new ServiceConfig(module, properties);
    }

    /** Properties in effect in the prod profile: unprofiled keys and %prod keys, not %dev/%test ones. */
    List<String> prodKeys() {
        List<String> keys = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%") || profiles(key).contains("prod")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> profiles(String key) {
        return Set.of(key.substring(1, key.indexOf('.')).split(","));
    }

    /** The value of one property in the prod profile, or null. */
    String prodValue(String key) {
        String prod = properties.getProperty("%prod." + key);
        return prod != null ? prod : properties.getProperty(key);
    }

    /** Environment variables that some prod property reads without a default: start-up fails without them. */
    Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        for (String key : prodKeys()) {
            collect(properties.getProperty(key), required, new TreeSet<>());
        }
        return required;
    }

    /** Every environment variable some prod property reads, with or without default. */
    Set<String> readEnvironment() {
        Set<String> all = new TreeSet<>();
        for (String key : prodKeys()) {
            collect(properties.getProperty(key), new TreeSet<>(), all);
        }
        return all;
    }

    private static void collect(String value, Set<String> required, Set<String> all) {
        int i = 0;
        while ((i = value.indexOf("${", i)) >= 0) {
            int end = matchingBrace(value, i + 1);
            String expression = value.substring(i + 2, end);
            int colon = topLevelColon(expression);
            String name = colon < 0 ? expression : expression.substring(0, colon);
            if (name.matches(ENV_NAME)) {
                all.add(name);
                if (colon < 0) {
                    required.add(name);
                }
            }
            if (colon >= 0) {
                collect(expression.substring(colon + 1), required, all);
            }
            i = end + 1;
        }
    }

    private static int matchingBrace(String value, int open) {
        int depth = 0;
        for (int i = open; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced ${ in " + value);
    }

    private static int topLevelColon(String expression) {
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The port the service listens on when PORT is not set: the default of quarkus.http.port. */
    int port() {
        String value = prodValue("quarkus.http.port");
        if (value == null) {
            return 8080;
        }
        if (value.startsWith("${")) {
            String expression = value.substring(2, value.length() - 1);
            return Integer.parseInt(expression.substring(topLevelColon(expression) + 1));
        }
        return Integer.parseInt(value);
    }

    /** The readiness endpoint as SmallRye Health serves it with this configuration. */
    String readinessPath() {
        String root = orDefault("quarkus.http.non-application-root-path", "q");
        String health = orDefault("quarkus.smallrye-health.root-path", "health");
        String ready = orDefault("quarkus.smallrye-health.readiness-path", "ready");
        return "/" + strip(root) + "/" + strip(health) + "/" + strip(ready);
    }

    private String orDefault(String key, String fallback) {
        String value = prodValue(key);
        return value == null ? fallback : value;
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    /** Topics named by the service's channels and dead-letter queues. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : prodKeys()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(properties.getProperty(key).trim());
            }
        }
        return topics;
    }
}
