package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.FailReasons;
import io.tiktimer.sandbox.http.ApiCall;
import io.tiktimer.sandbox.http.ApiRefusal;
import io.tiktimer.sandbox.http.ApiReply;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.state.Publication;
import io.tiktimer.sandbox.state.PublishStatus;
import io.tiktimer.sandbox.state.SandboxState;
import java.time.Instant;
import java.util.Map;

/** {@code status/fetch} and {@code cancel}. */
final class StatusEndpoints {
    private final SandboxState state;

    StatusEndpoints(SandboxState state) {
        this.state = state;
    }

    ApiReply fetch(ApiCall call) {
        Publication publication = ownedPublication(call);
        Instant now = state.now();
        PublishStatus status = publication.statusAt(now);
        Map<String, Object> data = Json.object("status", status.name());
        String failReason = publication.failReasonAt(now);
        if (failReason != null) {
            data.put("fail_reason", failReason);
        }
        // The misspelling is TikTok's own and part of the contract.
        data.put("publicaly_available_post_id", publication.publicPostIdsAt(now));
        if (publication.source() == Publication.Source.FILE_UPLOAD) {
            data.put("uploaded_bytes", publication.uploadedBytes());
        } else {
            data.put("downloaded_bytes", publication.downloadedBytesAt(now));
        }
        return ApiReply.ok(data);
    }

    ApiReply cancel(ApiCall call) {
        Publication publication = ownedPublication(call);
        Instant now = state.now();
        if (!publication.cancellableAt(now)) {
            throw new ApiRefusal(400, "publish_not_cancellable",
                    "Only a PULL_FROM_URL post that is still downloading can be cancelled.");
        }
        publication.failNow(now, FailReasons.PUBLISH_CANCELLED);
        return ApiReply.okWithoutData();
    }

    private Publication ownedPublication(ApiCall call) {
        String publishId = Fields.text(call, call.body(), "publish_id");
        if (publishId == null || publishId.isEmpty()) {
            throw call.invalidParams("publish_id is required.");
        }
        Publication publication = state.publications().find(publishId)
                .orElseThrow(() -> new ApiRefusal(400, "invalid_publish_id", "The publish_id does not exist."));
        if (!publication.openId().equals(call.openId()) || !publication.clientKey().equals(call.clientKey())) {
            throw new ApiRefusal(400, "token_not_authorized_for_specified_publish_id",
                    "The access token is not authorized for this publish_id.");
        }
        return publication;
    }
}
