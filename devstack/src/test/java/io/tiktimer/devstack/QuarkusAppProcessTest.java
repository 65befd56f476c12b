package io.tiktimer.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The native CI job runs the integration tests with {@code -Dtiktimer.launch=native}: they must then start the
 * service's native executable, configured like the JVM build, and fail when there is none.
 */
class QuarkusAppProcessTest {

    /** Stands in for a native executable: answers /q/health/ready on QUARKUS_HTTP_PORT with the env it got. */
    private static final String FAKE_SERVICE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            public class FakeService {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                            Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
                    server.createContext("/q/health/ready", exchange -> {
                        byte[] body = ("native " + System.getenv("DB_URL")).getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    @AfterEach
    void jvmAgain() {
        System.clearProperty(QuarkusAppProcess.LAUNCH_PROPERTY);
    }

    @Test
    void startsTheNativeExecutableBesideTheJarWhenAsked(@TempDir Path module) throws Exception {
        Path jar = fakeBuild(module);
        Path source = Files.writeString(module.resolve("FakeService.java"), FAKE_SERVICE);
        Path runner = module.resolve("target/post-service-0.1.0-SNAPSHOT-runner");
        Files.writeString(runner, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' '" + source + "'\n");
        Files.setPosixFilePermissions(runner, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
        System.setProperty(QuarkusAppProcess.LAUNCH_PROPERTY, "native");

        try (QuarkusAppProcess app = QuarkusAppProcess.start("post-service", jar, 0, Map.of("DB_URL", "jdbc:x"),
                List.of("-XX:+UseSerialGC"), module.resolve("service.log"), Duration.ofSeconds(60))) {
            String answer = new String(java.net.URI.create(app.baseUrl() + "/q/health/ready").toURL().openStream()
                    .readAllBytes());
            assertThat(answer).isEqualTo("native jdbc:x");
        }
    }

    @Test
    void refusesToFallBackToTheJvmBuildWhenTheNativeExecutableIsMissing(@TempDir Path module) throws IOException {
        Path jar = fakeBuild(module);
        System.setProperty(QuarkusAppProcess.LAUNCH_PROPERTY, "native");

        assertThatThrownBy(() -> QuarkusAppProcess.start("post-service", jar, 0, Map.of(), List.of(),
                module.resolve("service.log"), Duration.ofSeconds(5)))
                .hasMessageContaining("no native executable of post-service").hasMessageContaining("-Pnative");
    }

    private static Path fakeBuild(Path module) throws IOException {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, "not a real jar: the JVM build must not be started");
    }
}
