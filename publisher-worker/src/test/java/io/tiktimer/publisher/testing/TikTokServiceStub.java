package io.tiktimer.publisher.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for tiktok-service's internal access-token API (the contract in the issue) in the fast tests, over real
 * HTTP. Accounts are connected through the sandbox's real OAuth flow, so the tokens handed out are real sandbox
 * tokens. The full-chain tests use the packaged tiktok-service instead once it exists.
 */
public final class TikTokServiceStub implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/internal/accounts/(\\d+)/(access-token|reconnect-required)");
    private static final Pattern USER = Pattern.compile("\"userId\"\\s*:\\s*(\\d+)");
    private static final AtomicLong IDS = new AtomicLong(1000);

    public record Account(long accountId, long userId, String openId, String accessToken) {
    }

    private final HttpServer server;
    private final TikTokSandbox sandbox;
    private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
    private final Set<Long> needsReconnect = ConcurrentHashMap.newKeySet();
    private final List<Long> reconnectReports = new CopyOnWriteArrayList<>();
    private final AtomicLong tokenCalls = new AtomicLong();
    private final AtomicLong forcedRefreshes = new AtomicLong();
    private volatile int unavailableAnswersLeft;

    private TikTokServiceStub(HttpServer server, TikTokSandbox sandbox) {
        this.server = server;
        this.sandbox = sandbox;
    }

    public static TikTokServiceStub start(TikTokSandbox sandbox) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TikTokServiceStub stub = new TikTokServiceStub(server, sandbox);
            server.createContext("/internal/accounts/", stub::handle);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a fresh sandbox creator, connects it through the sandbox's OAuth, and returns the account. */
    public Account connectNewCreator(String namePrefix, long userId, boolean privateAccount) {
        long accountId = IDS.incrementAndGet();
        String openId = "-pw-" + namePrefix + "-" + accountId + "-" + System.nanoTime();
        SandboxCreator creator = new SandboxCreator(openId, namePrefix + accountId).privateAccount(privateAccount);
        sandbox.registerCreator(creator);
        String token = connect(openId);
        Account account = new Account(accountId, userId, openId, token);
        accounts.put(accountId, account);
        return account;
    }

    public SandboxCreator creator(Account account) {
        return sandbox.creator(account.openId()).orElseThrow();
    }

    public void requireReconnect(long accountId) {
        needsReconnect.add(accountId);
    }

    public void answerUnavailable(int times) {
        unavailableAnswersLeft = times;
    }

    public List<Long> reconnectReports() {
        return List.copyOf(reconnectReports);
    }

    /** Calls that asked for a refresh because TikTok had refused the token. */
    public long forcedRefreshes() {
        return forcedRefreshes.get();
    }

    public long tokenCalls() {
        return tokenCalls.get();
    }

    private String connect(String openId) {
        String url = sandbox.authorizeUrl(TikTokSandboxResource.CLIENT_KEY, TikTokSandboxResource.DEFAULT_REDIRECT_URI,
                "user.info.basic,video.publish,video.upload", "state-" + openId);
        URI callback = sandbox.authorize(url, ConsentDecision.approveAs(openId));
        String code = null;
        for (String pair : callback.getRawQuery().split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        String form = "client_key=" + enc(TikTokSandboxResource.CLIENT_KEY) + "&client_secret="
                + enc(TikTokSandboxResource.CLIENT_SECRET) + "&code=" + enc(code)
                + "&grant_type=authorization_code&redirect_uri=" + enc(TikTokSandboxResource.DEFAULT_REDIRECT_URI);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/v2/oauth/token/"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("sandbox token exchange failed: " + response.body());
            }
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                send(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher user = USER.matcher(body);
            if (!path.matches() || !"POST".equals(exchange.getRequestMethod()) || !user.find()) {
                send(exchange, 400, "application/problem+json", "{\"status\":400,\"title\":\"Bad Request\"}");
                return;
            }
            long accountId = Long.parseLong(path.group(1));
            Account account = accounts.get(accountId);
            if (account == null || account.userId() != Long.parseLong(user.group(1))) {
                send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
                return;
            }
            if ("reconnect-required".equals(path.group(2))) {
                reconnectReports.add(accountId);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            tokenCalls.incrementAndGet();
            if (body.replace(" ", "").contains("\"forceRefresh\":true")) {
                forcedRefreshes.incrementAndGet();
            }
            if (unavailableAnswersLeft > 0) {
                unavailableAnswersLeft--;
                send(exchange, 503, "application/problem+json", "{\"status\":503,\"title\":\"TikTok unreachable\"}");
                return;
            }
            if (needsReconnect.contains(accountId)) {
                send(exchange, 409, "application/problem+json",
                        "{\"status\":409,\"title\":\"Reconnect required\",\"code\":\"reconnect_required\"}");
                return;
            }
            Instant expires = sandbox.clock().now().plusSeconds(86_000);
            send(exchange, 200, "application/json", "{\"accountId\":" + accountId + ",\"openId\":\"" + account.openId()
                    + "\",\"accessToken\":\"" + account.accessToken() + "\",\"expiresAt\":\"" + expires
                    + "\",\"scopes\":[\"user.info.basic\",\"video.publish\",\"video.upload\"]}");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
