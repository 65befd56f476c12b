package io.tiktimer.devstack.testing;

import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.PostgresServer;
import io.tiktimer.devstack.S3Server;

/**
 * One PostgreSQL, one Kafka broker, one S3 server and one JWT issuer per test JVM, started on first use and stopped
 * when the JVM exits. Quarkus restarts the application under test for each test profile; sharing the infrastructure
 * across those restarts keeps a module's test run fast.
 */
final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static S3Server s3;
    private static TestJwtIssuer jwt;

    private SharedInfrastructure() {
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.startEphemeral();
            closeOnExit(postgres);
        }
        return postgres;
    }

    static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.startEphemeral(Integer.getInteger("tiktimer.test.kafka.partitions", 2));
            closeOnExit(kafka);
        }
        return kafka;
    }

    static synchronized S3Server s3() {
        if (s3 == null) {
            s3 = S3Server.startEphemeral();
            closeOnExit(s3);
        }
        return s3;
    }

    static synchronized TestJwtIssuer jwt() {
        if (jwt == null) {
            jwt = TestJwtIssuer.start();
            closeOnExit(jwt);
        }
        return jwt;
    }

    private static void closeOnExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is exiting; the child processes also exit through their watchdog
            }
        }, "devstack-shutdown"));
    }
}
