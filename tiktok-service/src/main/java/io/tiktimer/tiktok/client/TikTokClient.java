package io.tiktimer.tiktok.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import io.tiktimer.tiktok.config.TikTokConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * TikTok as TikTimer needs it: token exchange, refresh, revoke, user/info, creator_info. Timeouts are configured on
 * the REST client ({@code quarkus.rest-client.tiktok-api.*-timeout}); this class adds error classification and retries.
 * <p>
 * Retries go through a SmallRye Fault Tolerance guard, but which failures it may retry is decided here, because
 * whether a retry is safe depends on what happened to the request: an OAuth token call whose answer was lost (read
 * timeout) may already have rotated the refresh token at TikTok, and retrying it with the old one would earn an
 * {@code invalid_grant} and wrongly disconnect the account. So OAuth calls are retried only when TikTok provably did not act (connection
 * refused, 5xx, {@code server_error}/{@code temporarily_unavailable}); read-only API calls are also retried after a
 * timeout. Tokens, codes and secrets are never logged; TikTok's {@code log_id} always is.
 */
@ApplicationScoped
public class TikTokClient {

    private static final Logger LOG = Logger.getLogger(TikTokClient.class);
    /** Three tries, 200 ms then 800 ms apart, and only for failures that {@link TikTokUnavailableException#retryable}. */
    private static final Guard RETRY = Guard.create()
            .withDescription("tiktok-api")
            .withRetry()
                .maxRetries(2)
                .delay(200, ChronoUnit.MILLIS)
                .jitter(50, ChronoUnit.MILLIS)
                .whenException(e -> e instanceof TikTokUnavailableException u && u.retryable())
                .beforeRetry(e -> LOG.infof("TikTok call failed (%s); retrying", e.getMessage()))
                .withExponentialBackoff().factor(4).done()
            .done()
            .build();

    private final TikTokRestClient rest;
    private final TikTokConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    public TikTokClient(@RestClient TikTokRestClient rest, TikTokConfig config, ObjectMapper mapper,
                        MeterRegistry metrics) {
        this.rest = rest;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Authorization code → tokens (§1.3). The code is single use, so it is resent only when TikTok did not act. */
    public TikTokTokens exchangeCode(String code) {
        return oauth("token exchange", () -> rest.exchangeCode(config.clientKey(), config.clientSecret(), code,
                "authorization_code", config.redirectUri()));
    }

    /** Refresh (§1.4). The returned refresh token may differ from the one sent and then replaces it. */
    public TikTokTokens refresh(String refreshToken) {
        return oauth("token refresh", () -> rest.refresh(config.clientKey(), config.clientSecret(), "refresh_token",
                refreshToken));
    }

    /** Revoke (§1.5): ends the whole consent at TikTok. Success is an empty body. */
    public void revoke(String accessToken) {
        withRetries("revoke", false, () -> {
            Response response = rest.revoke(config.clientKey(), config.clientSecret(), accessToken);
            int status = response.getStatus();
            JsonNode body = readBody(response);
            if (body != null && body.hasNonNull("error") && !body.path("error").asText().isEmpty()) {
                throw oauthError(body, status, "revoke");
            }
            if (status >= 500) {
                throw new TikTokUnavailableException("TikTok revoke answered HTTP " + status);
            }
            return null;
        });
    }

    /** Display API user/info (§1.8) with only the fields the granted scopes cover. */
    public TikTokUserInfo userInfo(String accessToken, boolean profileScopeGranted) {
        String fields = profileScopeGranted ? "open_id,display_name,avatar_url,username"
                : "open_id,display_name,avatar_url";
        JsonNode data = api("user/info", () -> rest.userInfo(bearer(accessToken), fields));
        JsonNode user = data.path("user");
        return new TikTokUserInfo(text(user, "open_id"), text(user, "display_name"), text(user, "avatar_url"),
                text(user, "username"));
    }

    /** creator_info (§2.1). The documented HTTP-200 refusals come back as a result with {@code canPost() == false}. */
    public TikTokCreatorInfo creatorInfo(String accessToken) {
        return withRetries("creator_info", true, () -> {
            Response response = rest.creatorInfo(bearer(accessToken), "{}");
            int status = response.getStatus();
            JsonNode body = readBody(response);
            String code = body == null ? null : body.path("error").path("code").asText(null);
            String logId = body == null ? null : logId(body.path("error"));
            if (status == 200 && code != null) {
                JsonNode data = body.path("data");
                List<String> options = new ArrayList<>();
                data.path("privacy_level_options").forEach(o -> options.add(o.asText()));
                return new TikTokCreatorInfo(text(data, "creator_username"), text(data, "creator_nickname"),
                        text(data, "creator_avatar_url"), List.copyOf(options),
                        data.path("comment_disabled").asBoolean(false), data.path("duet_disabled").asBoolean(false),
                        data.path("stitch_disabled").asBoolean(false),
                        data.hasNonNull("max_video_post_duration_sec") ? data.get("max_video_post_duration_sec").asInt()
                                : null,
                        code, body.path("error").path("message").asText(""), logId);
            }
            throw apiError(status, body, "creator_info");
        });
    }

    private TikTokTokens oauth(String operation, Supplier<Response> call) {
        return withRetries(operation, false, () -> {
            Response response = call.get();
            int status = response.getStatus();
            JsonNode body = readBody(response);
            // §1.3: success is decided from the body; TikTok sends errors with HTTP 200 as well.
            if (body != null && body.hasNonNull("access_token") && !body.path("access_token").asText().isEmpty()) {
                return new TikTokTokens(body.path("access_token").asText(), body.path("expires_in").asLong(86400),
                        body.path("refresh_token").asText(null), body.path("refresh_expires_in").asLong(0),
                        body.path("open_id").asText(null), splitScopes(body.path("scope").asText("")));
            }
            if (body != null && body.hasNonNull("error") && !body.path("error").asText().isEmpty()) {
                throw oauthError(body, status, operation);
            }
            if (status >= 500) {
                throw new TikTokUnavailableException("TikTok " + operation + " answered HTTP " + status);
            }
            throw new TikTokOAuthException("unexpected_response", "HTTP " + status + " without token or error",
                    response.getHeaderString("x-tt-logid"));
        });
    }

    private JsonNode api(String operation, Supplier<Response> call) {
        return withRetries(operation, true, () -> {
            Response response = call.get();
            int status = response.getStatus();
            JsonNode body = readBody(response);
            if (body != null && "ok".equals(body.path("error").path("code").asText(null))) {
                return body.path("data");
            }
            throw apiError(status, body, operation);
        });
    }

    private RuntimeException apiError(int status, JsonNode body, String operation) {
        String code = body == null ? null : body.path("error").path("code").asText(null);
        if (status >= 500 || "internal_error".equals(code)) {
            return new TikTokUnavailableException("TikTok " + operation + " answered HTTP " + status
                    + (code == null ? "" : " " + code));
        }
        String logId = body == null ? null : logId(body.path("error"));
        LOG.warnf("TikTok %s refused: HTTP %d %s (log_id %s)", operation, status, code, logId);
        return new TikTokApiException(status, code == null ? "unexpected_response" : code,
                body == null ? "" : body.path("error").path("message").asText(""), logId);
    }

    private RuntimeException oauthError(JsonNode body, int status, String operation) {
        String error = body.path("error").asText();
        String logId = logId(body);
        LOG.warnf("TikTok %s refused: %s (HTTP %d, log_id %s)", operation, error, status, logId);
        if ("server_error".equals(error) || "temporarily_unavailable".equals(error)) {
            return new TikTokUnavailableException("TikTok " + operation + ": " + error + " (log_id " + logId + ")");
        }
        return new TikTokOAuthException(error, body.path("error_description").asText(""), logId);
    }

    /**
     * Runs {@code call} with {@link #RETRY}. A {@link TikTokUnavailableException} thrown from a parsed answer means
     * TikTok declined to act and is retried; transport failures are retried only when the request cannot have reached
     * TikTok (connection refused) or when the call has no effect ({@code readOnly}).
     */
    private <T> T withRetries(String operation, boolean readOnly, Supplier<T> call) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        try {
            @SuppressWarnings("unchecked")
            T result = (T) RETRY.get(() -> classified(operation, readOnly, call), Object.class);
            return result;
        } catch (TikTokUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(Timer.builder("tiktimer.tiktok.calls").description("TikTok API calls, retries included")
                    .tag("operation", operation).tag("outcome", outcome).register(metrics));
        }
    }

    private static <T> T classified(String operation, boolean readOnly, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            // Only reached if the default exception mapper is enabled; treat it like the answer it carries.
            boolean serverSide = e.getResponse() == null || e.getResponse().getStatus() >= 500;
            throw new TikTokUnavailableException("TikTok " + operation + (serverSide ? " failed"
                    : " answered HTTP " + e.getResponse().getStatus()), e, serverSide);
        } catch (ProcessingException e) {
            boolean safe = readOnly || neverSent(e);
            if (!safe) {
                LOG.warnf("TikTok %s: outcome unknown (%s); not retried", operation, rootMessage(e));
            }
            throw new TikTokUnavailableException("TikTok " + operation + " unreachable: " + rootMessage(e), e, safe);
        }
    }

    private static boolean neverSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private JsonNode readBody(Response response) {
        try (response) {
            if (!response.hasEntity()) {
                return null;
            }
            String raw = response.readEntity(String.class);
            if (raw == null || raw.isBlank()) {
                return null;
            }
            return mapper.readTree(raw);
        } catch (Exception e) {
            // A proxy's HTML error page or a truncated body: classify by status alone.
            return null;
        }
    }

    private static String logId(JsonNode node) {
        String logId = node.path("log_id").asText(null);
        return logId != null ? logId : node.path("logid").asText(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    static List<String> splitScopes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
