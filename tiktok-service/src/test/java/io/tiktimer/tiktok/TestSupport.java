package io.tiktimer.tiktok;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Shared moves of the tests: users, sandbox creators, the OAuth dance, reading the Kafka topic. */
final class TestSupport {

    static final String REDIRECT_URI = "http://localhost:8083/api/v1/auth/tiktok/callback";

    private static final AtomicLong USER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();

    private TestSupport() {
    }

    static TikTokSandbox sandbox() {
        return TikTokSandboxResource.sandbox();
    }

    static long newUserId() {
        return USER_IDS.incrementAndGet();
    }

    static String userToken(long userId) {
        return JwtResource.issuer().userToken(userId, "user" + userId);
    }

    static String workerToken() {
        return JwtResource.issuer().serviceToken("publisher-worker");
    }

    /** A TikTok account no other test uses, so counts and states are this test's own. */
    static String newCreator(String username) {
        String openId = "it-" + UUID.randomUUID();
        sandbox().registerCreator(new SandboxCreator(openId, username).displayName("Creator " + username));
        return openId;
    }

    /**
     * The cookies the starting browser got from {@code authorize}, by state: what that browser sends back to the
     * callback. Tests that play a stranger's browser follow the callback without them.
     */
    private static final Map<String, Map<String, String>> STARTING_BROWSER = new java.util.concurrent.ConcurrentHashMap<>();

    static String authorizationUrl(long userId) {
        Response response = given().auth().oauth2(userToken(userId)).get("/api/v1/auth/tiktok/authorize");
        response.then().statusCode(200);
        String url = response.path("authorization_url");
        STARTING_BROWSER.put(query(URI.create(url)).get("state"), response.getCookies());
        return url;
    }

    /** The binding cookie {@code authorize} set for the flow of this URL, with its attributes. */
    static io.restassured.http.Cookie bindingCookieOf(Response authorizeResponse) {
        List<io.restassured.http.Cookie> cookies = authorizeResponse.getDetailedCookies().asList();
        if (cookies.size() != 1) {
            throw new AssertionError("authorize set " + cookies.size() + " cookies: " + cookies);
        }
        return cookies.get(0);
    }

    /** What TikTok sends the browser back to, decided through the sandbox's Java API. */
    static URI consent(String authorizationUrl, ConsentDecision decision) {
        return sandbox().authorize(authorizationUrl, decision);
    }

    /** The same through the consent page itself: GET the HTML, submit its form over HTTP, read the redirect. */
    static URI consentThroughPage(String authorizationUrl, String openId) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new AssertionError("consent page answered " + page.statusCode() + ": " + page.body());
        }
        StringBuilder form = new StringBuilder();
        Matcher hidden = HIDDEN_INPUT.matcher(page.body());
        while (hidden.find()) {
            append(form, hidden.group(1), unescape(hidden.group(2)));
        }
        append(form, "open_id", openId);
        for (String scope : List.of("user.info.basic", "video.publish", "video.upload")) {
            append(form, "granted_scope", scope);
        }
        append(form, "decision", "approve");
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(sandbox().authBaseUrl()
                                + "/v2/auth/authorize/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 302) {
            throw new AssertionError("consent form answered " + submitted.statusCode() + ": " + submitted.body());
        }
        return URI.create(submitted.headers().firstValue("Location").orElseThrow());
    }

    /** The browser that started the flow following TikTok's redirect to our callback (its cookie, no bearer token). */
    static Response followCallback(URI callback) {
        Map<String, String> cookies = STARTING_BROWSER.getOrDefault(query(callback).get("state"), Map.of());
        return followCallback(callback, given().cookies(cookies));
    }

    /** Another browser (a stranger's, or the same person's other device) following the redirect: no cookie. */
    static Response followCallbackInAnotherBrowser(URI callback) {
        return followCallback(callback, given());
    }

    static Response followCallback(URI callback, io.restassured.specification.RequestSpecification browser) {
        if (!callback.getPath().equals(URI.create(REDIRECT_URI).getPath())) {
            throw new AssertionError("TikTok redirected elsewhere: " + callback);
        }
        return browser.urlEncodingEnabled(false).redirects().follow(false)
                .get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** Connects {@code openId} for {@code userId} through the full browser flow and returns the new account id. */
    static long connect(long userId, String openId) {
        URI callback = consent(authorizationUrl(userId), ConsentDecision.approveAs(openId));
        followCallback(callback).then().statusCode(200).contentType(ContentType.HTML);
        return accountIdOf(userId, openId);
    }

    static long accountIdOf(long userId, String openId) {
        List<Map<String, Object>> accounts = given().auth().oauth2(userToken(userId)).get("/api/v1/tiktok/accounts")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return accounts.stream().filter(a -> openId.equals(a.get("open_id")))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("account " + openId + " not listed for user " + userId));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static Response accessToken(long accountId, long userId) {
        return given().auth().oauth2(workerToken()).contentType(ContentType.JSON)
                .body(Map.of("userId", userId)).post("/internal/accounts/" + accountId + "/access-token");
    }

    /** Every TikTokAccountChanged on the real topic that matches, read from the beginning with a fresh group. */
    static List<TikTokAccountChanged> awaitAccountEvents(Predicate<TikTokAccountChanged> match, int atLeast)
            throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<TikTokAccountChanged> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(io.tiktimer.contracts.Topics.TIKTOK_ACCOUNT));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    TikTokAccountChanged event = JSON.readValue(record.value(), TikTokAccountChanged.class);
                    if (match.test(event)) {
                        if (!record.key().equals(event.kafkaKey())) {
                            throw new AssertionError("record key " + record.key() + " is not the account id");
                        }
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }

    /** Calls TikTok (the sandbox) directly with a token, as publisher-worker would; returns the HTTP status. */
    static int creatorInfoStatusAtTikTok(String accessToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(sandbox().apiBaseUrl() + "/v2/post/publish/creator_info/query/"))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** A form POST to the sandbox's OAuth host, e.g. revoking a consent behind TikTimer's back. */
    static String tiktokOAuth(String path, Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder();
        append(form, "client_key", TikTokSandboxResource.CLIENT_KEY);
        append(form, "client_secret", TikTokSandboxResource.CLIENT_SECRET);
        fields.forEach((k, v) -> append(form, k, v));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox().apiBaseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void append(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
