package io.tiktimer.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tiny HTTP backends in place of the services, for testing the gateway's own behaviour (routing, headers, streaming,
 * aggregation). Each echoes who it is and what it received. The real services behind the real gateway are exercised
 * by the end-to-end suite.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    static final Map<String, Integer> READINESS = new ConcurrentHashMap<>();
    private static final List<HttpServer> SERVERS = new CopyOnWriteArrayList<>();

    record Received(String method, String path, Map<String, List<String>> headers, long bodyBytes, String sha256) {
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new ConcurrentHashMap<>();
        for (String service : List.of("auth-service", "post-service", "tiktok-service", "publisher-worker")) {
            READINESS.put(service, 200);
            config.put("gateway.services." + service, "http://127.0.0.1:" + serve(service));
        }
        return config;
    }

    @Override
    public void stop() {
        SERVERS.forEach(server -> server.stop(0));
    }

    private static int serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> handle(service, exchange));
            server.start();
            SERVERS.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(String service, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/q/health/ready")) {
            respond(exchange, READINESS.get(service), "{\"status\":\"UP\"}");
            return;
        }
        if (path.equals("/q/openapi")) {
            String prefix = switch (service) {
                case "auth-service" -> "/users/me";
                case "post-service" -> "/posts/{id}";
                default -> "/api/v1/tiktok/accounts";
            };
            respond(exchange, 200, """
                    {"openapi":"3.1.0","paths":{"%s":{"get":{"tags":["%s"]}},
                     "/internal/accounts/{id}/access-token":{"post":{}}},
                     "components":{"schemas":{"%sThing":{"type":"object"}}},
                     "tags":[{"name":"%s"}]}""".formatted(prefix, service, service.replace("-", ""), service));
            return;
        }
        MessageDigest digest = sha256();
        long bytes = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        }
        RECEIVED.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), bytes, HexFormat.of().formatHex(digest.digest())));
        respond(exchange, 200, "{\"service\":\"" + service + "\",\"bytes\":" + bytes + "}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
