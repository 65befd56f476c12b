package io.tiktimer.devstack.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tiktimer.devstack.Ports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The supervisor's state on loopback, {@code GET /processes}: {@code {"<name>": {"state", "pid", "restarts",
 * "last_exit_code", "last_restart_at"}}}. The gateway's {@code /health} shows it under {@code ./run}.
 *
 * <p>Written on the JDK's own HTTP server: one small read-only document for one local reader does not need a web
 * framework, and devstack is on the test classpath of every service, where one of its own would be in the way.
 */
public final class ProcessStatusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private ProcessStatusServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves on a free loopback port. */
    public static ProcessStatusServer start(Supervisor supervisor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
            // a client that never finishes its request must not hold up the next one (the JDK server has no
            // deadline for a request head)
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "supervisor-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.createContext("/", exchange -> answer(exchange, supervisor));
            server.start();
            return new ProcessStatusServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("The supervisor's status server did not start", e);
        }
    }

    /** The base URL, without a trailing slash. */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void answer(HttpExchange exchange, Supervisor supervisor) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!"/processes".equals(path)) {
                problem(exchange, 404, "Not Found", "Only GET /processes is served here.");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                problem(exchange, 405, "Method Not Allowed", "/processes is read with GET.");
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                supervisor.statuses().forEach((name, status) -> body.put(name, status.toJson()));
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
            }
        } finally {
            exchange.close();
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail);
        body.put("instance", exchange.getRequestURI().getPath());
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
