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
    /** A server may refuse a body this large by its Content-Length and close before reading it. */
    private static final int LARGE_BODY = 64 * 1024;

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
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        sent++;
        int status;
        String type;
        String text;
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
            type = answer.headers().firstValue("Content-Type").orElse("");
            text = answer.body();
        } catch (IOException e) {
            if (probe.body() == null || probe.body().length <= LARGE_BODY) {
                broken.add(where + ": no answer (" + e + ")");
                return;
            }
            // refused before the body was read, and the connection closed while java.net.http was still sending:
            // read what the server said to the head alone (JDK 17's Expect: 100-continue hangs on a final answer)
            RawAnswer raw = headOnly(base, probe, token);
            if (raw == null) {
                broken.add(where + ": no answer (" + e + ")");
                return;
            }
            status = raw.status();
            type = raw.contentType();
            text = raw.body();
        }
        check(where, probe, status, type, text);
    }

    private void check(String where, Probe probe, int status, String type, String body) {
        if (status >= 500) {
            serverErrors++;
            broken.add(where + ": " + status + " " + shorten(body));
        } else if (status >= 400) {
            if (type.startsWith("text/html") && documentsHtml(probe.operation(), status)) {
                return; // a page for a person's browser (the OAuth callback), documented as such
            }
            if (!type.startsWith("application/problem+json")) {
                broken.add(where + ": " + status + " as '" + type + "' " + shorten(body));
            } else if (!hasDetail(body)) {
                broken.add(where + ": " + status + " problem without a detail " + shorten(body));
            } else if (body.matches("(?s).*\\b(java|jakarta|com\\.fasterxml|org\\.hibernate)\\.[a-z].*")) {
                broken.add(where + ": " + status + " names a Java type " + shorten(body));
            }
        }
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    /** The request head with the body's Content-Length, and no body: what the server answers to that. */
    private static RawAnswer headOnly(String base, Probe probe, String token) {
        URI uri = URI.create(base + probe.target());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = probe.operation().method() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + (probe.contentType() == null ? "" : "Content-Type: " + probe.contentType() + "\r\n")
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + probe.body().length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the server may keep the connection open for the body it refused: read the head, then its own body
            java.io.InputStream in = socket.getInputStream();
            StringBuilder headText = new StringBuilder();
            while (!headText.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                headText.append((char) b);
            }
            String answerHead = headText.toString();
            if (!answerHead.startsWith("HTTP/1.1 ")) {
                return null;
            }
            String type = header(answerHead, "content-type");
            String length = header(answerHead, "content-length");
            byte[] body = length.isEmpty() ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            return new RawAnswer(Integer.parseInt(answerHead.substring(9, 12)), type,
                    new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String header(String head, String name) {
        return head.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
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
