package io.tiktimer.post.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.post.badinput.BadInputCatalogue.BadRequest;
import io.tiktimer.post.badinput.OpenApiOperations.Operation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends the catalogue's requests for every operation of a service, with and without a valid token, and checks what
 * a client and the data would notice: no 5xx; every error is {@code application/problem+json} with its status and a
 * detail; an operation that changes data never accepts a bad input (no 2xx); and the caller's rows are the same after
 * each such request as before it. Failures are collected, so one run shows all of them. Generic: the service gives its
 * base URL, a token, what valid requests look like and how to read the caller's rows.
 */
public final class BadInputRunner {

    public record Result(int operations, int cases, int requests, Map<Integer, Integer> statuses, List<String> failures) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final BadInputCatalogue.Valid valid;
    private final Supplier<String> callersRows;

    public BadInputRunner(String baseUrl, String token, BadInputCatalogue.Valid valid, Supplier<String> callersRows) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.valid = valid;
        this.callersRows = callersRows;
    }

    public Result run(List<Operation> operations) throws Exception {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int cases = 0;
        int requests = 0;
        for (Operation op : operations) {
            for (BadRequest request : BadInputCatalogue.requestsFor(op, valid)) {
                cases++;
                for (boolean withToken : new boolean[]{true, false}) {
                    String before = op.safe() ? null : callersRows.get();
                    HttpResponse<String> response = send(request, withToken);
                    requests++;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    String where = op + " [" + request.caseName() + (withToken ? "" : ", no token") + "] → "
                            + response.statusCode();
                    check(op, response, where, failures);
                    if (before != null && !before.equals(callersRows.get())) {
                        failures.add(where + ": the caller's rows changed");
                    }
                }
            }
        }
        return new Result(operations.size(), cases, requests, statuses, failures);
    }

    private static void check(Operation op, HttpResponse<String> response, String where, List<String> failures) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(where + ": " + abbreviate(response.body()));
            return;
        }
        if (status < 400) {
            if (!op.safe()) {
                failures.add(where + ": a bad input was accepted: " + abbreviate(response.body()));
            }
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add(where + ": Content-Type '" + type + "', body " + abbreviate(response.body()));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            String detail = problem.path("detail").asText("");
            if (problem.path("status").asInt() != status || detail.isBlank()) {
                failures.add(where + ": no status or detail: " + abbreviate(response.body()));
            } else if (detail.contains("java.") || detail.contains("Exception") || detail.startsWith("HTTP ")) {
                failures.add(where + ": the detail is not for a client: " + abbreviate(detail));
            }
        } catch (Exception e) {
            failures.add(where + ": not JSON: " + abbreviate(response.body()));
        }
    }

    private HttpResponse<String> send(BadRequest request, boolean withToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            b.header("Content-Type", request.contentType());
        }
        if (withToken) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.IOException(request.method() + " " + request.path() + " [" + request.caseName() + "]: " + e, e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
