package io.tiktimer.post.rest;

import io.tiktimer.post.service.MediaRejectedException;
import io.tiktimer.servicekit.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A rejected upload: 413 for size, 415 for what is not a supported container, 422 for TikTok's other limits. */
@Provider
public class MediaRejectedExceptionMapper implements ExceptionMapper<MediaRejectedException> {
    @Override
    public Response toResponse(MediaRejectedException e) {
        int status = switch (e.code()) {
            case "file_too_large" -> 413;
            case "unsupported_media_type" -> 415;
            case "upload_missing" -> 409;
            default -> 422;
        };
        return Problems.problem(status, e.getMessage()).with("code", e.code()).build().toResponse();
    }
}
