package io.tiktimer.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's modules on disk, from wherever a test or the run command was started inside it. */
public final class RepositoryLayout {

    private RepositoryLayout() {
    }

    /** The directory holding {@code mvnw} and the root {@code pom.xml}. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isRegularFile(candidate.resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("devstack"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Not inside the TikTimer repository: " + dir);
    }

    /** The runnable jar Quarkus packaged for a service module ({@code ./mvnw package} builds it). */
    public static Path quarkusRunJar(String module) {
        Path jar = root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        // a native build has no jar; QuarkusAppProcess starts the executable beside where the jar would be
        if (!Files.isRegularFile(jar) && !"native".equals(System.getProperty(QuarkusAppProcess.LAUNCH_PROPERTY))) {
            throw new IllegalStateException(module + " is not packaged (" + jar + " is missing): run ./mvnw -pl "
                    + module + " -am package -DskipTests");
        }
        return jar;
    }
}
