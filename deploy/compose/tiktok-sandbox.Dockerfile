# The TikTok sandbox (io.tiktimer.sandbox.SandboxMain) as a container for docker compose.
# Build context: the repository root (compose does this); BuildKit reads tiktok-sandbox.Dockerfile.dockerignore
# beside this file, which lets in only the parent pom and the sandbox module's pom and main sources.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY tiktok-sandbox/pom.xml tiktok-sandbox/
COPY tiktok-sandbox/src/main tiktok-sandbox/src/main
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -f tiktok-sandbox/pom.xml -DskipTests package dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory=target/lib \
    && cp tiktok-sandbox/target/tiktok-sandbox-*.jar tiktok-sandbox/target/lib/tiktok-sandbox.jar

FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24
COPY --from=build --chown=185:0 /src/tiktok-sandbox/target/lib/ /deployments/lib/
# The API, authorize and upload hosts. Bind to the container's compose hostname (TIKTOK_SANDBOX_HOST) so that the
# upload_url values the sandbox hands out resolve from the other containers.
EXPOSE 8180 8181 8182
USER 185
ENTRYPOINT ["java", "-Xmx256m", "-Djava.io.tmpdir=/tmp", "-cp", "/deployments/lib/*", "io.tiktimer.sandbox.SandboxMain"]
