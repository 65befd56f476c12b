package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.ProbeOutcome;
import io.tiktimer.sandbox.PublishFault;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.state.Ids;
import io.tiktimer.sandbox.state.Publication;
import io.tiktimer.sandbox.state.SandboxState;
import io.tiktimer.sandbox.state.UploadSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Creates the publish_id (and for FILE_UPLOAD the upload task and its URL) of an accepted init. */
final class PublicationFactory {
    record Request(String clientKey, SandboxCreator creator, String mediaType, Publication.Mode mode, VideoSource source,
            String privacyLevel, String title, String publishIdPrefix) {
    }

    private final SandboxState state;
    private final Path uploadDirectory;

    PublicationFactory(SandboxState state, Path uploadDirectory) {
        this.state = state;
        this.uploadDirectory = uploadDirectory;
    }

    Map<String, Object> create(Request request) {
        Instant now = state.now();
        String publishId = request.publishIdPrefix() + Ids.digits(18);
        PublishFault fault = state.faults().takePublishFault().orElse(null);
        Optional<ProbeOutcome> probe = state.faults().takeProbeOutcome().or(() -> Optional.ofNullable(request.creator().probeOutcome()));
        boolean direct = request.mode() == Publication.Mode.DIRECT_POST;
        String pullFailReason = request.source().kind() == Publication.Source.PULL_FROM_URL
                ? probe.flatMap(p -> p.judge(direct, request.creator().maxVideoPostDurationSec())).orElse(null)
                : null;
        Publication publication = new Publication(publishId, request.clientKey(), request.creator().openId(), request.mediaType(),
                request.mode(), request.source().kind(), request.privacyLevel(), request.title(), now, fault, pullFailReason,
                state.config());
        probe.ifPresent(p -> state.probeByPublishId().put(publishId, p));
        state.publications().add(publication);
        if (request.source().kind() != Publication.Source.FILE_UPLOAD) {
            return Json.object("publish_id", publishId);
        }
        String uploadId = Ids.digits(19);
        String uploadToken = Ids.token("");
        Path stored = uploadDirectory == null ? null : uploadDirectory.resolve(publishId.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        VideoSource source = request.source();
        state.addUpload(new UploadSession(uploadId, uploadToken, publication, source.videoSize(), source.chunkSize(),
                source.totalChunkCount(), now.plus(state.config().uploadUrlTtl()), stored));
        String uploadUrl = state.uploadBaseUrl() + "/video/?upload_id=" + uploadId + "&upload_token=" + uploadToken;
        return Json.object("publish_id", publishId, "upload_url", uploadUrl);
    }
}
