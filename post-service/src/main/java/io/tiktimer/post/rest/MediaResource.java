package io.tiktimer.post.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tiktimer.post.Media;
import io.tiktimer.post.service.MediaService;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.text.StorableText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/media")
@Tag(name = "Media", description = "Videos and photos in S3, checked against TikTok's limits")
@SecurityRequirement(name = "jwt")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token")
public class MediaResource {

    private final MediaService media;
    private final CurrentUser user;
    /** Quarkus' mapper: the same string checks and error answers as a body read by the framework. */
    private final ObjectMapper json;

    public MediaResource(MediaService media, CurrentUser user, ObjectMapper json) {
        this.media = media;
        this.user = user;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a video or photo (multipart, part 'file')",
            description = "Streamed to S3; container detected from the bytes; SHA-256, duration, resolution and frame "
                    + "rate recorded.")
    @APIResponse(responseCode = "201", description = "Stored and verified")
    @APIResponse(responseCode = "400", description = "No file part")
    @APIResponse(responseCode = "413", description = "Larger than TikTok accepts")
    @APIResponse(responseCode = "415", description = "Not MP4/MOV/WebM/JPEG/WebP")
    @APIResponse(responseCode = "422", description = "Outside TikTok's duration, resolution, frame-rate or codec limits")
    public Response uploadMultipart(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw Problems.unreadable("file", Problems.In.FORM, "is required (a multipart part named 'file')");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            Media m = media.ingest(user.id(), in, file.fileName());
            return Response.status(201).header("Location", "/media/" + m.id).entity(respond(m)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Consumes({"video/*", "image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a video or photo as the raw request body",
            description = "The body streams straight to S3 without touching the disk; the declared Content-Type is "
                    + "ignored in favour of the bytes.")
    @APIResponse(responseCode = "201", description = "Stored and verified")
    @APIResponse(responseCode = "413", description = "Larger than TikTok accepts")
    @APIResponse(responseCode = "415", description = "Not MP4/MOV/WebM/JPEG/WebP")
    @APIResponse(responseCode = "422", description = "Outside TikTok's limits")
    public Response uploadRaw(@QueryParam("filename") String filename, InputStream body) {
        StorableText.require("filename", Problems.In.QUERY, filename);
        Media m = media.ingest(user.id(), body, filename);
        return Response.status(201).header("Location", "/media/" + m.id).entity(respond(m)).build();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UploadRequest(String filename) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UploadResponse(long mediaId, String uploadUrl, String method, Map<String, String> headers,
                                 Instant expiresAt, String completeUrl) {
    }

    @POST
    @Path("/uploads")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Start a direct-to-S3 upload for large files",
            description = "PUT the bytes to upload_url with the given headers, then POST complete_url to verify.")
    @APIResponse(responseCode = "201", description = "Presigned URL issued")
    public Response startUpload(@RequestBody(required = false, description = "Optional {\"filename\": \"clip.mp4\"}") byte[] body)
            throws IOException {
        // read by hand so that a bodiless POST (any or no Content-Type) works too; a body that is not
        // {"filename": "..."} is answered by service-kit's JSON mapper, naming the field. Bytes, not a String: the
        // String would already have replaced invalid UTF-8 with U+FFFD instead of refusing it.
        UploadRequest request = blank(body) ? null : json.readValue(body, UploadRequest.class);
        MediaService.PresignedUpload upload = media.presign(user.id(), request == null ? null : request.filename());
        return Response.status(201).entity(new UploadResponse(upload.media().id, upload.url().toString(), "PUT",
                Map.of("Content-Type", upload.contentType()), upload.expiresAt(),
                "/media/" + upload.media().id + "/complete")).build();
    }

    static boolean blank(byte[] body) {
        if (body != null) {
            for (byte b : body) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return false;
                }
            }
        }
        return true;
    }

    @POST
    @Path("/{id}/complete")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Verify a direct-to-S3 upload", description = "Reads the object back, checks it like a "
            + "streamed upload; a rejected object is deleted.")
    @APIResponse(responseCode = "200", description = "Verified, ready for posts")
    @APIResponse(responseCode = "404", description = "No such media for this user")
    @APIResponse(responseCode = "409", description = "Nothing uploaded yet")
    @APIResponse(responseCode = "413", description = "Too large")
    @APIResponse(responseCode = "415", description = "Unsupported container")
    @APIResponse(responseCode = "422", description = "Outside TikTok's limits")
    public MediaResponse complete(@PathParam("id") long id) {
        return media.complete(user.id(), id).map(this::respond).orElseThrow(() -> Problems.notFound("Media"));
    }

    @GET
    @Operation(summary = "List the caller's media, newest first")
    @APIResponse(responseCode = "200", description = "The media")
    public List<MediaResponse> list() {
        return media.list(user.id()).stream().map(this::respond).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one media item")
    @APIResponse(responseCode = "200", description = "The media")
    @APIResponse(responseCode = "404", description = "No such media for this user")
    public MediaResponse get(@PathParam("id") long id) {
        return media.find(user.id(), id).map(this::respond).orElseThrow(() -> Problems.notFound("Media"));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PreviewResponse(String url, Instant expiresAt) {
    }

    @GET
    @Path("/{id}/preview")
    @Operation(summary = "A short-lived address to show the media in a browser",
            description = "A presigned S3 GET: an <img> or <video> cannot send the bearer token. Only verified media.")
    @APIResponse(responseCode = "200", description = "The address and when it expires")
    @APIResponse(responseCode = "404", description = "No such verified media for this user")
    public PreviewResponse preview(@PathParam("id") long id) {
        return media.preview(user.id(), id).map(p -> new PreviewResponse(p.url().toString(), p.expiresAt()))
                .orElseThrow(() -> Problems.notFound("Media"));
    }

    @PUT
    @Path("/{id}/poster")
    @Consumes("image/jpeg")
    @Operation(summary = "Store the media's poster frame",
            description = "A small JPEG that stands for the media where the media does not fit, such as the calendar. "
                    + "The web app makes it in the browser from the file it uploaded. Replaces an earlier one.")
    @APIResponse(responseCode = "200", description = "Stored; the media with its poster_url")
    @APIResponse(responseCode = "404", description = "No such verified media for this user")
    @APIResponse(responseCode = "413", description = "Larger than 256 KiB")
    @APIResponse(responseCode = "415", description = "Not a complete JPEG image")
    @APIResponse(responseCode = "422", description = "More than 1280 pixels on a side")
    public MediaResponse poster(@PathParam("id") long id, InputStream body) {
        return media.storePoster(user.id(), id, body).map(this::respond).orElseThrow(() -> Problems.notFound("Media"));
    }

    private MediaResponse respond(Media m) {
        return MediaResponse.of(m, media.posterUrl(m).orElse(null));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a media item and its S3 object")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such media for this user")
    @APIResponse(responseCode = "409", description = "A post that may still be published uses it")
    public Response delete(@PathParam("id") long id) {
        return switch (media.delete(user.id(), id)) {
            case DELETED -> Response.noContent().build();
            case NOT_FOUND -> throw Problems.notFound("Media");
            case IN_USE -> throw Problems.conflict("media_in_use",
                    "A post that is not finished uses this media; delete or change the post first.");
        };
    }
}
