package io.tiktimer.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The workload's HTTP: one client per simulated person (its own cookie jar, for TikTok's consent round trip), every
 * answer kept as status and body, a connection that breaks becoming status {@link #NO_ANSWER} rather than an
 * exception, so the caller decides what a lost answer means for the request it sent.
 */
final class Http {

    /** The request may or may not have reached the service: the connection broke or timed out. */
    static final int NO_ANSWER = -1;
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + abbreviated(), e);
            }
        }

        /** Nothing was stored: the gateway could not reach the service, or the service refused before acting. */
        boolean refusedBeforeActing() {
            return status == 503 || status == 429;
        }

        /** The request may have had its effect, but the answer did not say so. */
        boolean unknownOutcome() {
            return status == NO_ANSWER || status == 502 || status == 504 || status == 500;
        }

        String abbreviated() {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(NO_ANSWER, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_ANSWER, "interrupted");
        }
    }

    /** A streamed upload: the body is produced as it is sent, never held whole. */
    Answer upload(URI uri, String bearer, String contentType, long size, Supplier<InputStream> body) {
        return send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), size)));
    }

    /**
     * Sends a request that is safe to repeat until it gets an answer that is not a transient failure (no answer,
     * 502, 503, 504, 429), for at most {@code patience}.
     */
    Answer sendRepeatable(Supplier<HttpRequest.Builder> request, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Answer answer;
        long pause = 250;
        do {
            answer = send(request.get());
            if (!answer.refusedBeforeActing() && !answer.unknownOutcome()) {
                return answer;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 3000);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
