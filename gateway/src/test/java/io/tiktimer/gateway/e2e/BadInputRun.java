package io.tiktimer.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.devstack.testing.BadInputCatalogue;
import io.tiktimer.devstack.testing.BadInputCatalogue.Operation;
import io.tiktimer.devstack.testing.BadInputCatalogue.Probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends {@link BadInputCatalogue}'s probes for every operation of one service, with and without the caller's token,
 * to one base URL (the gateway or the service's own port), and keeps every answer that breaks the error contract:
 * a 5xx, or a 4xx that is not problem+json with a detail.
 */
final class BadInputRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Above this a client asks before sending, as curl does: a server refusing the size answers before the body. */
    private static final int EXPECT_CONTINUE_ABOVE = 64 * 1024;

    private final List<String> broken = new ArrayList<>();
    private final Map<String, Integer> probesPerOperation = new LinkedHashMap<>();
    private int sent;
    private int serverErrors;

    static JsonNode openApi(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(
                URI.create(serviceUrl + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(document.body());
    }

    /**
     * @param routed     whether an operation is reachable at {@code base} (the gateway routes no internal path)
     * @param pathValues real path values for an operation, so probes of its body and query reach the code
     */
    void run(String service, JsonNode openapi, String base, String token, Function<Operation, Boolean> routed,
             Function<Operation, Map<String, String>> pathValues) throws InterruptedException {
        for (Operation operation : BadInputCatalogue.operations(openapi)) {
            if (!routed.apply(operation)) {
                continue;
            }
            List<Probe> probes = BadInputCatalogue.probes(operation, pathValues.apply(operation));
            probesPerOperation.merge(service + " " + operation, probes.size() * 2, Integer::sum);
            for (Probe probe : probes) {
                send(base, probe, token);
                send(base, probe, null);
            }
        }
    }

    private void send(String base, Probe probe, String token) throws InterruptedException {
        String where = base + " " + probe + (token == null ? " (no token)" : " (token)");
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + probe.target())).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException notAUri) {
            // a value java.net.URI refuses to carry (no client library sends it either)
            return;
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        request.method(probe.operation().method(), body);
        if (probe.body() != null && probe.body().length > EXPECT_CONTINUE_ABOVE) {
            request.expectContinue(true);
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        sent++;
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            broken.add(where + ": no answer (" + e + ")");
            return;
        }
        int status = answer.statusCode();
        if (status >= 500) {
            serverErrors++;
            broken.add(where + ": " + status + " " + shorten(answer.body()));
        } else if (status >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html") && documentsHtml(probe.operation(), status)) {
                return; // a page for a person's browser (the OAuth callback), documented as such
            }
            if (!type.startsWith("application/problem+json")) {
                broken.add(where + ": " + status + " as '" + type + "' " + shorten(answer.body()));
            } else if (!hasDetail(answer.body())) {
                broken.add(where + ": " + status + " problem without a detail " + shorten(answer.body()));
            } else if (answer.body().matches("(?s).*\\b(java|jakarta|com\\.fasterxml|org\\.hibernate)\\.[a-z].*")) {
                broken.add(where + ": " + status + " names a Java type " + shorten(answer.body()));
            }
        }
    }

    private static boolean documentsHtml(Operation operation, int status) {
        return operation.spec().path("responses").path(Integer.toString(status)).path("content").has("text/html");
    }

    private static boolean hasDetail(String body) {
        try {
            return !JSON.readTree(body).path("detail").asText("").isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static String shorten(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    List<String> broken() {
        return broken;
    }

    int sent() {
        return sent;
    }

    int serverErrors() {
        return serverErrors;
    }

    Map<String, Integer> probesPerOperation() {
        return probesPerOperation;
    }
}
