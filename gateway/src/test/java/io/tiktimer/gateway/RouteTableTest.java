package io.tiktimer.gateway;

import io.tiktimer.gateway.proxy.Route;
import io.tiktimer.gateway.proxy.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private final RouteTable table = RouteTable.fromClasspath();

    @Test
    void theOriginalApiPathsReachTheirServices() {
        assertThat(serviceFor("/register")).contains("auth-service");
        assertThat(serviceFor("/token")).contains("auth-service");
        assertThat(serviceFor("/users/me")).contains("auth-service");
        assertThat(serviceFor("/auth/refresh")).contains("auth-service");
        assertThat(serviceFor("/posts")).contains("post-service");
        assertThat(serviceFor("/posts/")).contains("post-service");
        assertThat(serviceFor("/posts/42")).contains("post-service");
        assertThat(serviceFor("/api/v1/tiktok/posts/")).contains("post-service");
        assertThat(serviceFor("/api/v1/tiktok/posts/7/publish")).contains("post-service");
        assertThat(serviceFor("/api/v1/auth/tiktok/authorize")).contains("tiktok-service");
        assertThat(serviceFor("/api/v1/auth/tiktok/disconnect")).contains("tiktok-service");
        assertThat(serviceFor("/api/v1/tiktok/accounts/3/creator-info")).contains("tiktok-service");
    }

    @Test
    void serviceToServiceEndpointsAreNeverRouted() {
        assertThat(serviceFor("/internal/accounts/1/access-token")).isEmpty();
        assertThat(serviceFor("/oauth/token")).isEmpty();
        assertThat(serviceFor("/q/health/ready")).isEmpty();
    }

    @Test
    void aPrefixDoesNotMatchALongerSiblingName() {
        assertThat(serviceFor("/postsecret")).isEmpty();
        assertThat(serviceFor("/tokens")).isEmpty();
    }

    @Test
    void theMostSpecificRouteWins() {
        RouteTable overlapping = new RouteTable(List.of(
                new Route("/api/**", "broad"),
                new Route("/api/v1/tiktok/posts/**", "narrow")));

        assertThat(overlapping.routeFor("/api/v1/tiktok/posts/1").map(Route::service)).contains("narrow");
        assertThat(overlapping.routeFor("/api/other").map(Route::service)).contains("broad");
    }

    @Test
    void onlyTheMediaUploadRoutesTakeLargeBodiesAndOnlyTheKeysAreCacheable() {
        assertThat(table.routes().stream().filter(Route::takesUploads).map(Route::path))
                .containsExactlyInAnyOrder("/media/**", "/api/v1/tiktok/posts/**");
        assertThat(table.routes().stream().filter(Route::isCacheable).map(Route::path))
                .containsExactly("/.well-known/jwks.json");
    }

    @Test
    void aBodyKindOtherThanUploadOrSmallIsRejected() {
        assertThatThrownBy(() -> new Route("/media/**", "post-service", "huge", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRouteWithoutLeadingSlashOrServiceIsRejected() {
        assertThatThrownBy(() -> new Route("posts/**", "post-service")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Route("/posts/**", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    private Optional<String> serviceFor(String path) {
        return table.routeFor(path).map(Route::service);
    }
}
