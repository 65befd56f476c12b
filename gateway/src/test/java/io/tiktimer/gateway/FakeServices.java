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
import java.util.concurrent.Executors;

/**
 * Tiny HTTP backends in place of the services, for testing the gateway's own behaviour (routing, headers, streaming,
 * aggregation). Each echoes who it is and what it received. The real services behind the real gateway are exercised
 * by the end-to-end suite.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    static final Map<String, Integer> READINESS = new ConcurrentHashMap<>();
    /** Every request any fake received, including /q/ ones: what a path test asserts never arrived. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    record Received(String method, String path, Map<String, List<String>> headers, long bodyBytes, String sha256) {
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new ConcurrentHashMap<>();
        for (String service : List.of("auth-service", "post-service", "tiktok-service", "publisher-worker")) {
            READINESS.put(service, 200);
            config.put("gateway.services." + service, "http://127.0.0.1:" + serve(service));
        }
        config.put("gateway.supervisor-url", "http://127.0.0.1:" + serve("supervisor"));
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.stop(0));
    }

    /** Stops one fake, so its port refuses connections (a service that is down). */
    static void down(String service) {
        SERVERS.remove(service).stop(0);
    }

    /** Starts a stopped fake again on its old port. */
    static void up(String service) {
        serve(service, PORTS.get(service));
    }

    private static int serve(String service) {
        return serve(service, 0);
    }

    private static int serve(String service, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", exchange -> handle(service, exchange));
            // A hanging answer must not hold up the other tests' requests.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            SERVERS.put(service, server);
            PORTS.put(service, server.getAddress().getPort());
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(String service, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        SEEN.add(service + " " + exchange.getRequestURI());
        if (path.contains("/fake/")) {
            behave(path.substring(path.indexOf("/fake/") + "/fake/".length()), exchange);
            return;
        }
        if (service.equals("supervisor") && path.equals("/processes")) {
            respond(exchange, 200, """
                    {"post-service":{"state":"running","pid":4242,"restarts":2,"last_exit_code":137,
                     "last_restart_at":"2026-12-03T07:00:00Z"}}""");
            return;
        }
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

    /**
     * Misbehaviours a test asks for by path: {@code empty/503} answers that status with no body (and a Retry-After
     * and a WWW-Authenticate header), {@code problem/422} answers it with the service's own JSON, {@code hang} never
     * answers in time, {@code drop} closes the connection without an answer, {@code nostore} sets its own
     * Cache-Control.
     */
    private static void behave(String what, HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (what.startsWith("empty/")) {
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            exchange.sendResponseHeaders(Integer.parseInt(what.substring("empty/".length())), -1);
            exchange.close();
        } else if (what.startsWith("problem/")) {
            int status = Integer.parseInt(what.substring("problem/".length()));
            byte[] body = ("{\"status\":" + status + ",\"title\":\"own\",\"detail\":\"the service's own words\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else if (what.equals("hang")) {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "{\"late\":true}");
        } else if (what.equals("drop")) {
            // Closing the exchange before sending headers makes the JDK server drop the connection.
            exchange.close();
        } else if (what.equals("nostore")) {
            exchange.getResponseHeaders().add("Cache-Control", "private, max-age=60");
            respond(exchange, 200, "{}");
        } else {
            respond(exchange, 200, "{}");
        }
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
