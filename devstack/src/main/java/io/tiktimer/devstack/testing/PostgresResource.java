package io.tiktimer.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tiktimer.devstack.PostgresServer;

import java.util.Map;

/** {@code @QuarkusTestResource(PostgresResource.class)}: a real PostgreSQL for the service under test. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped at JVM exit
    }
}
