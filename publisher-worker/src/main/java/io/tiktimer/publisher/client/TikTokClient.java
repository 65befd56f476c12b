package io.tiktimer.publisher.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.tiktimer.publisher.config.TikTokConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok's Content Posting API and upload host.
 *
 * <p>Written on the JDK's {@link HttpClient} instead of a MicroProfile REST client on purpose: TikTok reports errors
 * with any HTTP status (including 200), the upload host answers 206/416 with progress in {@code Content-Range}, chunk
 * bodies must stream from S3 with an exact {@code Content-Length} to an absolute per-upload URL, and exactly-once
 * needs to tell "never connected" from "sent, answer lost". The JDK client exposes all of that directly.
 *
 * <p>Every call is timed as {@code tiktimer_tiktok_calls_seconds{operation, outcome}}: {@code outcome} is TikTok's
 * error code ({@code ok}, {@code rate_limit_exceeded}, …), {@code not_sent} or {@code unknown} (answer lost), and
 * for uploads the HTTP status. Every call is also a client span ({@code TikTok <operation>}) with the same outcome,
 * the HTTP status and TikTok's {@code log_id}; never the upload URL (it grants the upload), and no trace header goes to
 * TikTok.
 */
@ApplicationScoped
public class TikTokClient {
    public static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
    public static final String VIDEO_INIT = "/v2/post/publish/video/init/";
    public static final String INBOX_VIDEO_INIT = "/v2/post/publish/inbox/video/init/";
    public static final String CONTENT_INIT = "/v2/post/publish/content/init/";
    public static final String STATUS_FETCH = "/v2/post/publish/status/fetch/";

    private static final Pattern PROGRESS = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+)");

    private final TikTokConfig config;
    private final ObjectMapper json;
    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final MeterRegistry metrics;
    private final Tracer tracer;

    public TikTokClient(TikTokConfig config, ObjectMapper json, MeterRegistry metrics, Tracer tracer) {
        this.config = config;
        this.tracer = tracer;
        this.json = json;
        this.metrics = metrics;
        this.httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tiktok-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
                .build();
    }

    @PreDestroy
    void close() {
        httpThreads.shutdownNow();
    }

    /** POST a JSON body with the creator's token to one of the API paths above. */
    public TikTokReply post(String path, String accessToken, Object body) {
        String operation = operationOf(path);
        Span span = callSpan(operation, "POST");
        Timer.Sample sample = Timer.start(metrics);
        TikTokReply reply = null;
        try {
            reply = send(path, accessToken, body);
        } finally {
            String outcome = reply instanceof TikTokReply.Answered answered ? answered.code()
                    : reply instanceof TikTokReply.NotSent ? "not_sent" : "unknown";
            sample.stop(timer(operation, outcome));
            if (reply instanceof TikTokReply.Answered answered) {
                span.setAttribute("http.response.status_code", answered.httpStatus());
                if (answered.logId() != null) {
                    span.setAttribute("tiktok.log_id", answered.logId());
                }
            }
            endCallSpan(span, outcome, "ok".equals(outcome));
        }
        return reply;
    }

    private Span callSpan(String operation, String method) {
        return tracer.spanBuilder("TikTok " + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", method)
                .setAttribute("tiktimer.tiktok.operation", operation)
                .startSpan();
    }

    private static void endCallSpan(Span span, String outcome, boolean ok) {
        span.setAttribute("tiktimer.tiktok.outcome", outcome);
        if (!ok) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("tiktimer.tiktok.calls").description("TikTok API and upload calls")
                .tag("operation", operation).tag("outcome", outcome == null || outcome.isBlank() ? "none" : outcome)
                .register(metrics);
    }

    /** "/v2/post/publish/video/init/" → "video_init": a bounded tag, never a URL with ids in it. */
    private static String operationOf(String path) {
        String trimmed = path.replaceFirst("^/v2/post/publish/", "").replaceAll("/+$", "");
        return trimmed.replace('/', '_');
    }

    private TikTokReply send(String path, String accessToken, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + path))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new TikTokReply.NotSent(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (IOException e) {
            return new TikTokReply.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TikTokReply.Unknown("interrupted");
        }
        return parse(response);
    }

    private TikTokReply parse(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String headerLogId = response.headers().firstValue("x-tt-logid").orElse(null);
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("error").isObject()) {
            if (status == 200) {
                // a 200 we cannot read may well be an accepted init
                return new TikTokReply.Unknown("HTTP 200 without a TikTok envelope");
            }
            String code = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "internal_error" : "http_" + status;
            return new TikTokReply.Answered(status, code, new String(response.body(), StandardCharsets.UTF_8), headerLogId,
                    null);
        }
        JsonNode error = root.path("error");
        String logId = error.hasNonNull("log_id") ? error.get("log_id").asText()
                : error.hasNonNull("logid") ? error.get("logid").asText() : headerLogId;
        String code = error.path("code").asText("");
        if ("invalid_param".equals(code)) {
            code = "invalid_params"; // both spellings exist (§5.3)
        }
        return new TikTokReply.Answered(status, code, error.path("message").asText(""), logId, root.get("data"));
    }

    /**
     * PUTs bytes {@code first..last} of a {@code total}-byte video. The body is pulled from {@code body} while it is
     * sent, so neither the video nor a chunk is ever held in memory.
     */
    public UploadReply putChunk(String uploadUrl, String contentType, long first, long last, long total,
                                Supplier<InputStream> body) {
        long length = last - first + 1;
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl))
                .timeout(config.requestTimeout().plus(Duration.ofSeconds(length / 100_000)))
                .header("Content-Type", contentType)
                .header("Content-Range", "bytes " + first + "-" + last + "/" + total)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length))
                .build();
        Span span = callSpan("upload_chunk", "PUT");
        span.setAttribute("tiktimer.upload.first_byte", first);
        span.setAttribute("tiktimer.upload.last_byte", last);
        span.setAttribute("tiktimer.upload.total_bytes", total);
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "unknown";
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            outcome = Integer.toString(response.statusCode());
            span.setAttribute("http.response.status_code", response.statusCode());
            return new UploadReply(response.statusCode(),
                    progress(response.headers().firstValue("Content-Range").orElse(null)), null);
        } catch (IOException e) {
            return UploadReply.noAnswer(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UploadReply.noAnswer("interrupted");
        } finally {
            sample.stop(timer("upload_chunk", outcome));
            // 206 (more to come) and 201 (complete) are what a chunk is answered with when it is taken
            endCallSpan(span, outcome, outcome.startsWith("2"));
        }
    }

    static OptionalLong progress(String contentRange) {
        if (contentRange == null) {
            return OptionalLong.empty();
        }
        if (contentRange.trim().startsWith("bytes */")) {
            return OptionalLong.of(0);
        }
        Matcher m = PROGRESS.matcher(contentRange);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(2)) + 1) : OptionalLong.empty();
    }
}
