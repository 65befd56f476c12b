package io.tiktimer.post.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.mapping.PostMapper;
import io.tiktimer.post.dispatch.Dispatcher;
import io.tiktimer.post.service.PostInput;
import io.tiktimer.post.service.PostService;
import io.tiktimer.post.service.ScheduleTimes;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.text.StorableText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/posts")
@Tag(name = "Posts", description = "Scheduled posts (the original API's /posts, extended)")
@SecurityRequirement(name = "jwt")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing or invalid token")
public class PostResource {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    private final PostService posts;
    private final Dispatcher dispatcher;
    private final CurrentUser user;
    /** Quarkus' mapper: the same string checks and error answers as a body read by the framework. */
    private final ObjectMapper json;

    public PostResource(PostService posts, Dispatcher dispatcher, CurrentUser user, ObjectMapper json) {
        this.posts = posts;
        this.dispatcher = dispatcher;
        this.user = user;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a post", description = "Naive scheduled_time is UTC. Status scheduled unless status=draft.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "409", description = "Target TikTok account must be reconnected")
    @APIResponse(responseCode = "422", description = "Invalid field (problem+json names it)")
    public Response create(PostInput request) {
        if (request == null) {
            throw Problems.badRequest("A JSON body is required");
        }
        PostService.PostView view = posts.create(user.id(), request, PostService.Origin.JSON_BODY);
        dispatcher.wakeUpFor(view.post());
        return Response.status(201).header("Location", "/posts/" + view.post().id)
                .entity(PostMapper.toResponse(view.post(), view.mediaIds())).build();
    }

    @GET
    @Operation(summary = "List the caller's posts", description = "A JSON array ordered by scheduled_time, as before. "
            + "Paginated by page (from 0) and size (default 100, max 500); X-Total-Count and a Link header tell the rest.")
    @APIResponse(responseCode = "200", description = "The page of posts")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response list(@QueryParam("status") String status,
                         @QueryParam("tiktok_account_id") Long accountId,
                         @QueryParam("platform") String platform,
                         @Parameter(description = "scheduled_time >= from (ISO-8601)") @QueryParam("from") String from,
                         @Parameter(description = "scheduled_time < to (ISO-8601)") @QueryParam("to") String to,
                         @QueryParam("page") Integer page,
                         @QueryParam("size") Integer size,
                         @Context UriInfo uri) {
        PostStatus s = null;
        if (status != null) {
            s = PostStatus.fromApiName(status).orElseThrow(() -> Problems.unreadable("status", Problems.In.QUERY,
                    "is not one of " + java.util.Arrays.stream(PostStatus.values()).map(PostStatus::apiName).toList()));
        }
        StorableText.require("platform", Problems.In.QUERY, platform);
        int p = page == null ? 0 : page;
        int n = size == null ? DEFAULT_SIZE : size;
        if (n < 1 || n > MAX_SIZE) {
            throw Problems.invalid("size", Problems.In.QUERY, "must be between 1 and " + MAX_SIZE);
        }
        if (p < 0 || (long) p * n > Integer.MAX_VALUE - MAX_SIZE) {
            throw Problems.invalid("page", Problems.In.QUERY, "must be between 0 and " + (Integer.MAX_VALUE - MAX_SIZE) / n
                    + " at size " + n);
        }
        PostService.Filter filter = new PostService.Filter(s, accountId, platform,
                from == null ? null : ScheduleTimes.parseFilterTime("from", from),
                to == null ? null : ScheduleTimes.parseFilterTime("to", to));
        PostService.PostPage result = posts.list(user.id(), filter, p, n);
        List<PostResponse> body = result.items().stream().map(v -> PostMapper.toResponse(v.post(), v.mediaIds())).toList();
        Response.ResponseBuilder response = Response.ok(body).header("X-Total-Count", result.total());
        if ((long) (p + 1) * n < result.total()) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("page", p + 1)
                    .replaceQueryParam("size", n).build() + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/counts")
    @Operation(summary = "How many of the caller's posts are in each state",
            description = "Every state is present, zero included; filters as for the listing (without status).")
    @APIResponse(responseCode = "200", description = "Counts per state and their total")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public PostCounts counts(@QueryParam("tiktok_account_id") Long accountId,
                             @QueryParam("platform") String platform,
                             @Parameter(description = "scheduled_time >= from (ISO-8601)") @QueryParam("from") String from,
                             @Parameter(description = "scheduled_time < to (ISO-8601)") @QueryParam("to") String to) {
        StorableText.require("platform", Problems.In.QUERY, platform);
        PostService.Filter filter = new PostService.Filter(null, accountId, platform,
                from == null ? null : ScheduleTimes.parseFilterTime("from", from),
                to == null ? null : ScheduleTimes.parseFilterTime("to", to));
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        posts.countsByStatus(user.id(), filter).forEach((status, n) -> byStatus.put(status.apiName(), n));
        return new PostCounts(byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Counts per state (by API name, in the state machine's order) and their sum. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PostCounts(Map<String, Long> byStatus, long total) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one of the caller's posts")
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "404", description = "No such post for this user")
    public PostResponse get(@PathParam("id") long id) {
        return posts.get(user.id(), id).map(v -> PostMapper.toResponse(v.post(), v.mediaIds()))
                .orElseThrow(() -> Problems.notFound("Post"));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a post", description = "Only before it is queued; a new scheduled_time on a failed "
            + "post re-schedules it.")
    @APIResponse(responseCode = "200", description = "The changed post")
    @APIResponse(responseCode = "404", description = "No such post for this user")
    @APIResponse(responseCode = "409", description = "The post is queued or later: it may already be at TikTok")
    @APIResponse(responseCode = "422", description = "Invalid field")
    public PostResponse patch(@PathParam("id") long id, PostInput request) {
        if (request == null) {
            throw Problems.badRequest("A JSON body is required");
        }
        PostService.PostView view = posts.update(user.id(), id, request);
        dispatcher.wakeUpFor(view.post());
        return PostMapper.toResponse(view.post(), view.mediaIds());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a post", description = "Only before it is queued.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such post for this user")
    @APIResponse(responseCode = "409", description = "The post is queued or later")
    public Response delete(@PathParam("id") long id) {
        posts.delete(user.id(), id);
        return Response.noContent().build();
    }

    public record RetryRequest(@JsonProperty("confirm_not_published") Boolean confirmNotPublished) {
    }

    @POST
    @Path("/{id}/retry")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Retry a failed or unconfirmed post now", description = "An unconfirmed post may already be "
            + "live on TikTok: it is retried only with {\"confirm_not_published\": true}.")
    @APIResponse(responseCode = "200", description = "The post, scheduled again")
    @APIResponse(responseCode = "404", description = "No such post for this user")
    @APIResponse(responseCode = "409", description = "Not retryable, or confirmation missing")
    public PostResponse retry(@PathParam("id") long id,
                              @RequestBody(required = false, description = "Optional {\"confirm_not_published\": true}") byte[] body)
            throws java.io.IOException {
        // read by hand so that a bodiless POST (any or no Content-Type) works, as a retry button would send it; a body
        // that is not {"confirm_not_published": true|false} is answered by service-kit's JSON mapper, naming the field
        RetryRequest request = MediaResource.blank(body) ? null : json.readValue(body, RetryRequest.class);
        boolean confirmed = request != null && Boolean.TRUE.equals(request.confirmNotPublished());
        PostService.PostView view = posts.retry(user.id(), id, confirmed);
        dispatcher.wakeUpFor(view.post());
        return PostMapper.toResponse(view.post(), view.mediaIds());
    }
}
