package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.Scopes;
import io.tiktimer.sandbox.http.ApiRoutes;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.Set;

/** The routes of {@code open.tiktokapis.com} apart from OAuth. */
public final class ApiHost {
    private ApiHost() {
    }

    public static void bind(SandboxState state, Vertx vertx, Router router, Path uploadDirectory) {
        ApiRoutes routes = new ApiRoutes(state, vertx, router);
        PostingGate gate = new PostingGate(state);
        PostInitEndpoints inits = new PostInitEndpoints(state, gate, new PublicationFactory(state, uploadDirectory));
        StatusEndpoints status = new StatusEndpoints(state);
        routes.bind(HttpMethod.GET, SandboxEndpoint.USER_INFO, Set.of(Scopes.USER_INFO_BASIC), new UserInfoEndpoint(state)::handle);
        routes.bind(HttpMethod.POST, SandboxEndpoint.CREATOR_INFO, Set.of(Scopes.VIDEO_PUBLISH),
                new CreatorInfoEndpoint(state, gate)::handle);
        routes.bind(HttpMethod.POST, SandboxEndpoint.VIDEO_INIT, Set.of(Scopes.VIDEO_PUBLISH), inits::directVideo);
        routes.bind(HttpMethod.POST, SandboxEndpoint.INBOX_VIDEO_INIT, Set.of(Scopes.VIDEO_UPLOAD), inits::inboxVideo);
        routes.bind(HttpMethod.POST, SandboxEndpoint.CONTENT_INIT, Set.of(Scopes.VIDEO_PUBLISH, Scopes.VIDEO_UPLOAD), inits::photo);
        routes.bind(HttpMethod.POST, SandboxEndpoint.STATUS_FETCH, Set.of(Scopes.VIDEO_PUBLISH, Scopes.VIDEO_UPLOAD), status::fetch);
        routes.bind(HttpMethod.POST, SandboxEndpoint.CANCEL, Set.of(Scopes.VIDEO_PUBLISH, Scopes.VIDEO_UPLOAD), status::cancel);
    }
}
