package io.tiktimer.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Asks every service whether it is ready, all at once, so /health answers within one probe timeout. */
@ApplicationScoped
public class HealthService {

    private final ServiceDirectory directory;

    public HealthService(ServiceDirectory directory) {
        this.directory = directory;
    }

    /** Service name → "UP", or "DOWN (reason)". */
    public Map<String, String> readiness() {
        Map<String, CompletableFuture<String>> probes = new LinkedHashMap<>();
        directory.clients().forEach((name, client) ->
                probes.put(name, CompletableFuture.supplyAsync(() -> probe(client))));
        Map<String, String> result = new LinkedHashMap<>();
        probes.forEach((name, probe) -> result.put(name, probe.join()));
        return result;
    }

    /**
     * What {@code ./run}'s supervisor says of each process (state, pid, restarts), or "unreachable"; empty when no
     * supervisor is configured. Shown, not judged: a restarted service that is ready again is healthy.
     */
    public Optional<Object> processes() {
        return directory.supervisor().map(supervisor -> {
            try {
                return supervisor.processes();
            } catch (RuntimeException e) {
                return "unreachable";
            }
        });
    }

    private static String probe(ServiceEndpointsRestClient client) {
        try (Response response = client.ready()) {
            return response.getStatus() == 200 ? "UP" : "DOWN (readiness " + response.getStatus() + ")";
        } catch (RuntimeException e) {
            return "DOWN (unreachable)";
        }
    }
}
