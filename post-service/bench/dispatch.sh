#!/usr/bin/env bash
# Dispatch burst, steady-rate lag and idle CPU of the packaged post-service (not part of verify).
# Usage (from the repository root, after ./mvnw -B install -DskipTests: the API part also runs the packaged gateway):
#   post-service/bench/dispatch.sh [-Dburst=100000] [-Drate=200] [-DsteadySeconds=30] [-Dparts=burst,steady,idle,api]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl post-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd post-service
exec java -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.tiktimer.post.bench.DispatchBenchmark
