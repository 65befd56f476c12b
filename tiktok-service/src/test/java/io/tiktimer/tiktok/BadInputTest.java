package io.tiktimer.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's own OpenAPI document gets the catalogue in {@code bad-inputs.json} (path and query
 * values, bodies, content types, wrong JSON types per field), with the token its callers have and without one. None may
 * answer 5xx or an empty body, every error is problem+json (the callback's documented HTML result page aside), and the
 * caller's stored accounts are unchanged. A new endpoint is covered without new test code.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "x".repeat(20_000);
    private static final String LONG = "y".repeat(3_000);
    private static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** One bad request; sent with java.net.http because it passes bytes and content types through unchanged. */
    record Call(String method, String path, String contentType, byte[] body, String what) {
    }

    @Test
    void noOperationAnswersBadInputWithA5xxOrAnythingButProblemJson() throws Exception {
        long userId = newUserId();
        long accountId = connect(userId, newCreator("robust" + userId));
        String before = storedAccounts();
        JsonNode catalogue = JSON.readTree(BadInputTest.class.getResourceAsStream("/bad-inputs.json"));
        JsonNode openApi = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asByteArray());
        JsonNode schemas = openApi.path("components").path("schemas");

        List<String> failures = new ArrayList<>();
        int sent = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                operations++;
                for (String token : new String[]{tokenFor(path.getKey(), userId), null}) {
                    for (Call call : calls(catalogue, schemas, path.getKey(), method, op.getValue(), accountId,
                            userId)) {
                        sent++;
                        HttpResponse<String> response = send(call, token);
                        String problem = judge(path.getKey(), response);
                        if (problem != null) {
                            failures.add(method + " " + call.path().substring(0, Math.min(120, call.path().length()))
                                    + " [" + call.what() + (token == null ? ", no token" : "") + "]: " + problem);
                        }
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(12);
        assertThat(failures).as(sent + " bad requests").isEmpty();
        assertThat(storedAccounts()).as("the caller's accounts after the catalogue").isEqualTo(before);
    }

    private HttpResponse<String> send(Call call, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + call.path())).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (call.contentType() != null && !call.contentType().isEmpty()) {
            request.header("Content-Type", call.contentType());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The token a legitimate caller of the operation has; the catalogue is also sent without one. */
    private static String tokenFor(String path, long userId) {
        if (path.startsWith("/internal/accounts/{accountId}/")) {
            return JwtResource.issuer().serviceToken("publisher-worker");
        }
        if (path.startsWith("/internal/")) {
            return JwtResource.issuer().serviceToken("post-service");
        }
        return userToken(userId);
    }

    private static List<Call> calls(JsonNode catalogue, JsonNode schemas, String template, String method, JsonNode op,
                                    long accountId, long userId) {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            ("path".equals(p.path("in").asText()) ? pathParams : queryParams).add(p.path("name").asText());
        }
        boolean hasBody = op.has("requestBody");
        String json = hasBody ? "application/json" : null;
        byte[] validBody = hasBody ? ("{\"code\":\"abc\",\"userId\":" + userId + "}").getBytes(StandardCharsets.UTF_8)
                : null;
        List<Call> calls = new ArrayList<>();
        for (String name : pathParams) {
            for (JsonNode value : catalogue.get("path")) {
                String path = fill(template.replace("{" + name + "}", expand(value.asText())), accountId, userId);
                calls.add(new Call(method, path, json, validBody, "path " + name + "=" + value.asText()));
            }
        }
        String valid = fill(template, accountId, userId);
        for (String name : queryParams) {
            for (JsonNode value : catalogue.get("query")) {
                calls.add(new Call(method, valid + "?" + name + "=" + expand(value.asText()), json, validBody,
                        "query " + name + "=" + value.asText()));
            }
        }
        if (hasBody) {
            for (JsonNode body : catalogue.get("bodies")) {
                // ISO-8859-1, so that \u00ff in the catalogue is the single byte FF: bytes that are not UTF-8
                calls.add(new Call(method, valid, body.get("type").asText(),
                        expand(body.get("body").asText()).getBytes(StandardCharsets.ISO_8859_1),
                        "body " + body.get("type").asText() + " " + abbreviate(body.get("body").asText())));
            }
            String ref = op.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asText();
            List<String> fields = new ArrayList<>();
            schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties").fieldNames()
                    .forEachRemaining(fields::add);
            assertThat(fields).as("fields of " + method + " " + template).isNotEmpty();
            for (String field : fields) {
                for (JsonNode value : catalogue.get("fieldValues")) {
                    String body = "{\"" + field + "\":" + expand(value.asText()) + "}";
                    calls.add(new Call(method, valid, "application/json", body.getBytes(StandardCharsets.UTF_8),
                            "field " + field + "=" + value.asText()));
                }
            }
        }
        return calls;
    }

    private static String fill(String template, long accountId, long userId) {
        return template.replace("{accountId}", String.valueOf(accountId)).replace("{id}", String.valueOf(accountId))
                .replace("{userId}", String.valueOf(userId));
    }

    private static String expand(String value) {
        return value.replace("{huge}", HUGE).replace("{long}", LONG).replace("{deep}", DEEP);
    }

    /** Why the answer is not acceptable, or null. */
    private static String judge(String template, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (status >= 500) {
            return status + " " + abbreviate(body);
        }
        if (status < 400) {
            return null;
        }
        if (body.isBlank()) {
            return status + " with an empty body";
        }
        if (template.endsWith("/callback") && type.startsWith("text/html") && body.contains("data-result=\"failure\"")) {
            return null;
        }
        if (!type.startsWith("application/problem+json")) {
            return status + " as " + type + ": " + abbreviate(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            // Bean Validation's 422 (quarkus-resteasy-problem) names the fields in violations instead of a detail
            boolean explained = !problem.path("detail").asText().isBlank() || !problem.path("violations").isEmpty();
            if (problem.path("status").asInt() != status || !explained) {
                return status + " problem without matching status or an explanation: " + abbreviate(body);
            }
            if (problem.path("detail").asText().startsWith("HTTP ")) {
                return status + " detail is no sentence: " + abbreviate(body);
            }
            if (problem.path("detail").asText().matches(".*\\b(java|jakarta|com\\.fasterxml)\\.[a-z].*")) {
                return status + " detail names a Java type: " + abbreviate(body);
            }
        } catch (java.io.IOException e) {
            return status + " problem+json that is not JSON: " + abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private String storedAccounts() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select string_agg(id || ':' || user_id || ':' || status "
                     + "|| ':' || md5(access_token_ciphertext), ',' order by id) from tiktok.tiktok_account")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
