package io.tiktimer.post.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tiktimer.post.Media;
import io.tiktimer.post.mapping.PostMapper;
import io.tiktimer.post.dispatch.Dispatcher;
import io.tiktimer.post.service.MediaService;
import io.tiktimer.post.service.PostInput;
import io.tiktimer.post.service.PostService;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.text.StorableText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The original API's TikTok routes, on the same pipeline as /posts and /media. */
@Path("/api/v1/tiktok/posts")
@Tag(name = "TikTok posts (original API)", description = "Seed-compatible multipart post creation and publish-now")
@SecurityRequirement(name = "jwt")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token")
public class TikTokPostResource {

    private final PostService posts;
    private final MediaService media;
    private final Dispatcher dispatcher;
    private final CurrentUser user;

    public TikTokPostResource(PostService posts, MediaService media, Dispatcher dispatcher, CurrentUser user) {
        this.posts = posts;
        this.media = media;
        this.dispatcher = dispatcher;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Create a TikTok video post in one call (multipart content, scheduled_time, video)",
            description = "Uses the user's only connected TikTok account unless tiktok_account_id is given. Like the "
                    + "original it direct-posts privately (SELF_ONLY) unless privacy_level or mode=inbox is given.")
    @APIResponse(responseCode = "201", description = "Created, status scheduled")
    @APIResponse(responseCode = "400", description = "TikTok not connected, or a part is missing")
    @APIResponse(responseCode = "409", description = "The TikTok account must be reconnected")
    @APIResponse(responseCode = "413", description = "Video too large")
    @APIResponse(responseCode = "415", description = "Not MP4/MOV/WebM")
    @APIResponse(responseCode = "422", description = "Invalid field or video outside TikTok's limits")
    public Response create(@RestForm String content,
                           @RestForm("scheduled_time") String scheduledTime,
                           @RestForm FileUpload video,
                           @RestForm("tiktok_account_id") Long accountId,
                           @RestForm("privacy_level") String privacyLevel,
                           @RestForm String mode) {
        // form values do not pass through the JSON reader's checks for text PostgreSQL cannot hold
        StorableText.require("content", Problems.In.FORM, content);
        StorableText.require("scheduled_time", Problems.In.FORM, scheduledTime);
        StorableText.require("privacy_level", Problems.In.FORM, privacyLevel);
        StorableText.require("mode", Problems.In.FORM, mode);
        required("content", content);
        required("scheduled_time", scheduledTime);
        required("video", video);
        boolean inbox = mode != null && "inbox".equalsIgnoreCase(mode.trim());
        PostInput request = new PostInput(content, scheduledTime, "tiktok", null, accountId, null, mode,
                privacyLevel != null ? privacyLevel : inbox ? null : "SELF_ONLY", null, null, null, null, null, null,
                null, null, null, null, null);
        // check everything but the video first, so a refused post costs no upload
        posts.check(user.id(), request, PostService.Origin.SEED_FORM);
        Media m;
        try (InputStream in = Files.newInputStream(video.uploadedFile())) {
            m = media.ingest(user.id(), in, video.fileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (m.kind != io.tiktimer.contracts.MediaType.VIDEO) {
            media.delete(user.id(), m.id);
            throw Problems.invalid("video", Problems.In.FORM, "must be a video (MP4, MOV or WebM)");
        }
        PostInput withMedia = new PostInput(content, scheduledTime, "tiktok", null, accountId, List.of(m.id), mode,
                request.privacyLevel(), null, null, null, null, null, null, null, null, null, null, null);
        PostService.PostView view;
        try {
            view = posts.create(user.id(), withMedia, PostService.Origin.SEED_FORM);
        } catch (RuntimeException e) {
            media.delete(user.id(), m.id);
            throw e;
        }
        dispatcher.wakeUpFor(view.post());
        return Response.status(201).header("Location", "/posts/" + view.post().id)
                .entity(PostMapper.toResponse(view.post(), view.mediaIds())).build();
    }

    private static void required(String part, Object value) {
        if (value == null) {
            throw Problems.unreadable(part, Problems.In.FORM, "is required (parts content, scheduled_time and video)");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PublishResponse(String message, long id, String status, String tiktokPostId) {
    }

    @POST
    @Path("/{id}/publish")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Publish a TikTok post now", description = "Makes the post due immediately; it goes through "
            + "the dispatcher like any other. Follow GET /posts/{id} for the outcome.")
    @APIResponse(responseCode = "200", description = "Queued for publishing")
    @APIResponse(responseCode = "400", description = "Not a TikTok post, or TikTok not connected")
    @APIResponse(responseCode = "404", description = "No such post for this user")
    @APIResponse(responseCode = "409", description = "Already queued, publishing or done")
    public PublishResponse publish(@PathParam("id") long id) {
        PostService.PostView view = posts.publishNow(user.id(), id);
        dispatcher.wakeUpFor(view.post());
        return new PublishResponse("Post is being published", view.post().id, view.post().status.apiName(),
                view.post().publicPostId);
    }
}
