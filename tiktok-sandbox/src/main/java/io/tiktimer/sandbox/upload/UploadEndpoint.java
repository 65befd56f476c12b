package io.tiktimer.sandbox.upload;

import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.ProbeOutcome;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.http.Replies;
import io.tiktimer.sandbox.state.Ids;
import io.tiktimer.sandbox.state.Publication;
import io.tiktimer.sandbox.state.SandboxState;
import io.tiktimer.sandbox.state.UploadSession;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The upload host's {@code PUT /video/}. The body is streamed through the session's digest and never buffered, so
 * gigabyte videos pass through small heaps. Every refusal drains the body first so the client reads a clean answer.
 */
public final class UploadEndpoint {
    private static final Set<String> CONTENT_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");

    private final SandboxState state;
    private final Vertx vertx;

    public UploadEndpoint(SandboxState state, Vertx vertx) {
        this.state = state;
        this.vertx = vertx;
    }

    public void bind(Router router) {
        router.put(SandboxEndpoint.UPLOAD.path()).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Optional<Fault> fault = state.faults().takeFor(SandboxEndpoint.UPLOAD);
        Optional<UploadSession> found = state.upload(request.getParam("upload_id"))
                .filter(s -> s.uploadToken().equals(request.getParam("upload_token")));
        if (found.isEmpty()) {
            drainThenAnswer(ctx, 404, null);
            return;
        }
        UploadSession session = found.get();
        if (!state.now().isBefore(session.expiresAt())) {
            drainThenAnswer(ctx, 403, null);
            return;
        }
        if (fault.isPresent() && fault.get().preventsEffect()) {
            drainThenAnswer(ctx, fault.get().httpStatus(), session);
            return;
        }
        String contentType = request.getHeader("Content-Type");
        ContentRange range = ContentRange.parse(request.getHeader("Content-Range"));
        Long contentLength = contentLength(request.getHeader("Content-Length"));
        boolean lengthMissing = contentLength == null && state.config().requireContentLength();
        if (contentType == null || !CONTENT_TYPES.contains(contentType.split(";")[0].trim().toLowerCase())
                || range == null || range.total() != session.videoSize() || lengthMissing
                || (contentLength != null && contentLength != range.length())) {
            drainThenAnswer(ctx, 400, session);
            return;
        }
        if (session.complete() || range.first() != session.committedBytes() || range.last() != session.expectedLastByte()
                || !session.beginChunk(contentType)) {
            drainThenAnswer(ctx, 416, session);
            return;
        }
        receiveChunk(ctx, session, range, fault);
    }

    private void receiveChunk(RoutingContext ctx, UploadSession session, ContentRange range, Optional<Fault> fault) {
        HttpServerRequest request = ctx.request();
        request.handler(buffer -> session.receive(buffer.getBytes()));
        request.exceptionHandler(error -> session.abandonChunk());
        request.endHandler(done -> {
            if (session.chunkReceived() != range.length()) {
                session.abandonChunk();
                answer(ctx, 400, session, Optional.empty());
                return;
            }
            session.commitChunk();
            if (session.complete()) {
                finish(session);
            }
            answer(ctx, session.complete() ? 201 : 206, session, fault);
        });
        request.resume();
    }

    private void finish(UploadSession session) {
        Publication publication = session.publication();
        Instant now = state.now();
        SandboxCreator creator = state.creator(publication.openId()).orElse(null);
        ProbeOutcome probe = state.probeByPublishId().get(publication.publishId());
        String failReason = probe != null
                ? probe.judge(publication.mode() == Publication.Mode.DIRECT_POST,
                        creator == null ? Integer.MAX_VALUE : creator.maxVideoPostDurationSec()).orElse(null)
                : MediaSniffer.failReason(session.head());
        publication.uploadCompleted(now, session.committedBytes(), failReason);
        state.receivedUploads().add(new ReceivedUpload(publication.publishId(), publication.clientKey(), publication.openId(),
                session.committedBytes(), session.sha256Hex(), session.committedChunks(), session.contentType(), now,
                session.storedFile()));
    }

    private void drainThenAnswer(RoutingContext ctx, int status, UploadSession session) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            answer(ctx, status, session, Optional.empty());
            return;
        }
        request.handler(ignored -> { });
        request.endHandler(done -> answer(ctx, status, session, Optional.empty()));
        request.resume();
    }

    private void answer(RoutingContext ctx, int status, UploadSession session, Optional<Fault> fault) {
        Map<String, String> headers = new HashMap<>();
        headers.put(Replies.LOG_ID_HEADER, Ids.logId(state.now()));
        if (session != null) {
            headers.put("Content-Range", ContentRange.progress(session.committedBytes(), session.videoSize()));
        }
        Replies.send(vertx, ctx, status, headers, null, fault);
    }

    private static Long contentLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
