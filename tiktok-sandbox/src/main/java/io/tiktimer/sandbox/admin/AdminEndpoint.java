package io.tiktimer.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.ProbeOutcome;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.PublishFault;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /sandbox/admin/...} on the API host, for a person driving a local run with curl: read what the sandbox
 * received, inject faults, move the clock, post inbox drafts. Not part of TikTok's API, and unauthenticated because
 * the sandbox only ever listens on a loopback address.
 */
public final class AdminEndpoint {
    private static final String BASE = "/sandbox/admin";
    private final SandboxState state;

    public AdminEndpoint(SandboxState state) {
        this.state = state;
    }

    public void bind(Router router) {
        router.get(BASE + "/state").handler(this::showState);
        router.post(BASE + "/faults").handler(this::addFault);
        router.delete(BASE + "/faults").handler(ctx -> {
            state.faults().clear();
            json(ctx, 200, Map.of("pending_faults", List.of()));
        });
        router.post(BASE + "/clock/advance").handler(this::advanceClock);
        router.post(BASE + "/publications/:publishId/user-post").handler(this::userPosts);
    }

    private void showState(RoutingContext ctx) {
        json(ctx, 200, Json.object(
                "now", state.now().toString(),
                "apps", state.apps().values().stream().map(a -> Json.object("client_key", a.clientKey(),
                        "redirect_uris", a.redirectUris(), "audited", a.audited(), "approved_scopes", a.approvedScopes())).toList(),
                "creators", state.creators().values().stream().map(c -> Json.object("open_id", c.openId(),
                        "username", c.username(), "private_account", c.privateAccount(), "banned", c.banned(),
                        "daily_post_cap", c.dailyPostCap())).toList(),
                "publications", state.publications().all().stream().map(p -> snapshot(p.snapshotAt(state.now()))).toList(),
                "received_uploads", state.receivedUploads().stream().map(AdminEndpoint::upload).toList(),
                "init_calls_by_open_id", state.initCalls().stream()
                        .collect(Collectors.groupingBy(c -> String.valueOf(c.openId()), Collectors.counting())),
                "rate_limit_refusals", state.refusals().stream().map(r -> Json.object("endpoint", r.endpoint().name(),
                        "open_id", r.openId(), "at", r.at().toString())).toList(),
                "pending_faults", state.faults().pending(),
                "fired_faults", state.faults().fired()));
    }

    /**
     * Body examples: {@code {"endpoint":"VIDEO_INIT","kind":"SERVER_ERROR","status":503,"times":1}},
     * {@code {"endpoint":"UPLOAD","kind":"DROP_CONNECTION_AFTER_EFFECT"}}, {@code {"publication":"STUCK"}},
     * {@code {"publication":"FAIL_AFTER_SUCCESS","reason":"internal","delay_ms":2000}}, {@code {"probe":"frame_rate_check_failed"}}.
     */
    private void addFault(RoutingContext ctx) {
        try {
            JsonNode body = Json.read(ctx.body().asString());
            int times = body.path("times").asInt(1);
            if (body.has("endpoint")) {
                state.faults().failNext(SandboxEndpoint.valueOf(body.get("endpoint").asText()), times, fault(body));
            } else if (body.has("publication")) {
                PublishFault fault = "STUCK".equals(body.get("publication").asText()) ? PublishFault.stuckInProcessing()
                        : PublishFault.failAfterSuccess(body.path("reason").asText("internal"),
                                Duration.ofMillis(body.path("delay_ms").asLong(0)));
                state.faults().nextPublications(times, fault);
            } else if (body.has("probe")) {
                for (int i = 0; i < times; i++) {
                    state.faults().nextProbeOutcomes(ProbeOutcome.fail(body.get("probe").asText()));
                }
            } else {
                throw new IllegalArgumentException("expected endpoint, publication or probe");
            }
            json(ctx, 200, Map.of("pending_faults", state.faults().pending()));
        } catch (Exception e) {
            json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static Fault fault(JsonNode body) {
        return switch (Fault.Kind.valueOf(body.path("kind").asText("SERVER_ERROR"))) {
            case SERVER_ERROR -> Fault.serverError(body.path("status").asInt(500));
            case RATE_LIMITED -> Fault.rateLimited();
            case ERROR_WITH_HTTP_200 -> Fault.errorWithHttp200(body.path("code").asText("internal_error"),
                    body.path("message").asText("Injected by the sandbox admin endpoint."));
            case SLOW_RESPONSE -> Fault.slowResponse(Duration.ofMillis(body.path("delay_ms").asLong(30_000)));
            case DROP_CONNECTION_AFTER_EFFECT -> Fault.dropConnectionAfterEffect();
        };
    }

    private void advanceClock(RoutingContext ctx) {
        try {
            long seconds = Long.parseLong(ctx.request().getParam("seconds"));
            state.clock().advance(Duration.ofSeconds(seconds));
            json(ctx, 200, Map.of("now", state.now().toString()));
        } catch (NumberFormatException e) {
            json(ctx, 400, Map.of("error", "seconds must be an integer"));
        }
    }

    private void userPosts(RoutingContext ctx) {
        boolean posted = state.publications().find(ctx.pathParam("publishId")).map(p -> p.userPosts(state.now())).orElse(false);
        json(ctx, posted ? 200 : 409, Map.of("posted", posted));
    }

    private static Map<String, Object> snapshot(PublicationSnapshot s) {
        return Json.object("publish_id", s.publishId(), "open_id", s.openId(), "media_type", s.mediaType(),
                "post_mode", s.postMode(), "source", s.source(), "privacy_level", s.privacyLevel(), "title", s.title(),
                "created_at", s.createdAt().toString(), "status", s.status(), "fail_reason", s.failReason(),
                "publicaly_available_post_id", s.publiclyAvailablePostIds(), "uploaded_bytes", s.uploadedBytes());
    }

    private static Map<String, Object> upload(ReceivedUpload u) {
        return Json.object("publish_id", u.publishId(), "open_id", u.openId(), "byte_count", u.byteCount(),
                "sha256", u.sha256Hex(), "chunk_count", u.chunkCount(), "content_type", u.contentType(),
                "completed_at", u.completedAt().toString(), "stored_file", u.storedFile().map(Object::toString).orElse(null));
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Json.write(body));
    }
}
