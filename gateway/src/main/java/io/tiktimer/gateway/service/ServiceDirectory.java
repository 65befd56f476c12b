package io.tiktimer.gateway.service;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.tiktimer.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One REST client per service for its health and OpenAPI endpoints. */
@ApplicationScoped
public class ServiceDirectory {

    private final Map<String, ServiceEndpointsRestClient> clients = new TreeMap<>();

    public ServiceDirectory(GatewayConfig config) {
        long timeoutMillis = config.probeTimeout().toMillis();
        config.services().forEach((name, base) -> clients.put(name, client(base, timeoutMillis)));
    }

    Map<String, ServiceEndpointsRestClient> clients() {
        return clients;
    }

    private static ServiceEndpointsRestClient client(URI base, long timeoutMillis) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(ServiceEndpointsRestClient.class);
    }
}
