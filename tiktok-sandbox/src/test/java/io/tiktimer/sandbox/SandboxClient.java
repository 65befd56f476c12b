package io.tiktimer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A thin real-HTTP client for the tests: every assertion goes through the wire, as a TikTok client's would. */
final class SandboxClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REDIRECT_URI = "https://app.example.com/api/v1/auth/tiktok/callback";
    static final String CLIENT_KEY = "test-client";
    static final String CLIENT_SECRET = "test-secret";
    static final String ALL_SCOPES = "user.info.basic,user.info.profile,user.info.stats,video.publish,video.upload,video.list";

    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        JsonNode data() {
            return json().path("data");
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    record Tokens(String accessToken, String refreshToken, String openId, String scope) {
    }

    final TikTokSandbox sandbox;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SandboxClient(TikTokSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static TikTokSandbox startFast(SandboxConfig config) {
        TikTokSandbox sandbox = TikTokSandbox.start(config
                .processingDelay(Duration.ofMillis(200))
                .moderationDelay(Duration.ofMillis(300))
                .downloadDelay(Duration.ofMillis(400)));
        sandbox.registerApp(new SandboxApp(CLIENT_KEY, CLIENT_SECRET).redirectUri(REDIRECT_URI));
        DemoAccounts.creators().forEach(sandbox::registerCreator);
        return sandbox;
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    Reply form(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    Reply api(String accessToken, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + path))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply apiGet(String accessToken, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    Reply put(String uploadUrl, String contentRange, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Content-Type", contentType)
                .header("Content-Range", contentRange)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Reply put(String uploadUrl, long first, long last, long total, byte[] body) {
        return put(uploadUrl, "bytes " + first + "-" + last + "/" + total, body, "video/mp4");
    }

    /** Runs the browser part of Login Kit through the sandbox's consent logic and the token exchange. */
    Tokens connect(String openId, String scopes) {
        URI callback = sandbox.authorize(sandbox.authorizeUrl(CLIENT_KEY, REDIRECT_URI, scopes, "st"), ConsentDecision.approveAs(openId));
        String code = query(callback).get("code");
        JsonNode json = exchange(code, REDIRECT_URI).json();
        return new Tokens(json.get("access_token").asText(), json.get("refresh_token").asText(), json.get("open_id").asText(),
                json.get("scope").asText());
    }

    Tokens connect(String openId) {
        return connect(openId, ALL_SCOPES);
    }

    Reply exchange(String code, String redirectUri) {
        return form(sandbox.apiBaseUrl() + "/v2/oauth/token/", Map.of("client_key", CLIENT_KEY, "client_secret", CLIENT_SECRET,
                "code", code, "grant_type", "authorization_code", "redirect_uri", redirectUri));
    }

    Reply refresh(String refreshToken) {
        return form(sandbox.apiBaseUrl() + "/v2/oauth/token/", Map.of("client_key", CLIENT_KEY, "client_secret", CLIENT_SECRET,
                "grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    Reply revoke(String accessToken) {
        return form(sandbox.apiBaseUrl() + "/v2/oauth/revoke/", Map.of("client_key", CLIENT_KEY, "client_secret", CLIENT_SECRET,
                "token", accessToken));
    }

    Reply fileInit(String accessToken, String privacy, long size, long chunk, long count) {
        return api(accessToken, "/v2/post/publish/video/init/", Map.of(
                "post_info", Map.of("title", "hello #sandbox", "privacy_level", privacy),
                "source_info", Map.of("source", "FILE_UPLOAD", "video_size", size, "chunk_size", chunk, "total_chunk_count", count)));
    }

    Reply inboxInit(String accessToken, long size) {
        return api(accessToken, "/v2/post/publish/inbox/video/init/", Map.of(
                "source_info", Map.of("source", "FILE_UPLOAD", "video_size", size, "chunk_size", size, "total_chunk_count", 1)));
    }

    Reply status(String accessToken, String publishId) {
        return api(accessToken, "/v2/post/publish/status/fetch/", Map.of("publish_id", publishId));
    }

    /** A minimal byte sequence whose first box is ftyp, so the sandbox's container check passes. */
    static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
