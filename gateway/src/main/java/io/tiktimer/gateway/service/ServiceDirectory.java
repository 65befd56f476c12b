package io.tiktimer.gateway.service;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.tiktimer.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One REST client per service for its health and OpenAPI endpoints, and one for the local run's supervisor. */
@ApplicationScoped
public class ServiceDirectory {

    private final Map<String, ServiceEndpointsRestClient> clients = new TreeMap<>();
    private final Optional<SupervisorRestClient> supervisor;

    public ServiceDirectory(GatewayConfig config) {
        long timeoutMillis = config.probeTimeout().toMillis();
        config.services().forEach((name, base) ->
                clients.put(name, client(base, timeoutMillis, ServiceEndpointsRestClient.class)));
        supervisor = config.supervisorUrl().map(base -> client(base, timeoutMillis, SupervisorRestClient.class));
    }

    Map<String, ServiceEndpointsRestClient> clients() {
        return clients;
    }

    Optional<SupervisorRestClient> supervisor() {
        return supervisor;
    }

    private static <T> T client(URI base, long timeoutMillis, Class<T> type) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(type);
    }
}
