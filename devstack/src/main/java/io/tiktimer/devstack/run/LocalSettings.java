package io.tiktimer.devstack.run;

import io.tiktimer.devstack.Ports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local run is told through environment variables. Every infrastructure piece can be swapped for an
 * external one: set its URL and the embedded one is not started.
 *
 * @param home       where the embedded PostgreSQL, Kafka and S3 keep their data, and the generated local secrets
 * @param randomPorts {@code TIKTIMER_PORTS=random}: every listener on a free port (for tests running beside a stack)
 */
record LocalSettings(Map<String, String> env, Path home, boolean randomPorts) {

    static LocalSettings from(Map<String, String> env, Path repositoryRoot) {
        Path home = Optional.ofNullable(env.get("TIKTIMER_HOME")).map(Path::of)
                .orElse(repositoryRoot.resolve(".devstack"));
        return new LocalSettings(env, home.toAbsolutePath(), "random".equalsIgnoreCase(env.get("TIKTIMER_PORTS")));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** The port for a listener: its variable if set, a free port in random mode, else the documented default. */
    int port(String variable, int fallback) {
        return get(variable).map(Integer::parseInt).orElseGet(() -> randomPorts ? Ports.free() : fallback);
    }
}
