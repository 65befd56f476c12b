package io.tiktimer.sandbox;

import io.tiktimer.sandbox.admin.AdminEndpoint;
import io.tiktimer.sandbox.api.ApiHost;
import io.tiktimer.sandbox.oauth.AuthorizeCheck;
import io.tiktimer.sandbox.oauth.AuthorizeEndpoint;
import io.tiktimer.sandbox.oauth.AuthorizeValidator;
import io.tiktimer.sandbox.oauth.ConsentService;
import io.tiktimer.sandbox.oauth.RevokeEndpoint;
import io.tiktimer.sandbox.oauth.TokenEndpoint;
import io.tiktimer.sandbox.state.Publication;
import io.tiktimer.sandbox.state.SandboxState;
import io.tiktimer.sandbox.state.UploadSession;
import io.tiktimer.sandbox.upload.UploadEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local TikTok: the authorize page ({@code www.tiktok.com}), the API ({@code open.tiktokapis.com}) and the upload
 * host, each on its own port of 127.0.0.1, plus a Java control surface for tests. Plain Vert.x, no CDI, so it can run
 * inside any test JVM, including a Quarkus one, and from {@link SandboxMain}.
 */
public final class TikTokSandbox implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 20;
    private static final int FORM_BODY_LIMIT = 64 * 1024;
    private static final int JSON_BODY_LIMIT = 1024 * 1024;

    private final SandboxState state;
    private final Vertx vertx;
    private final List<HttpServer> servers;
    private final Path uploadDirectory;
    private final ConsentService consent;
    private final AuthorizeValidator validator;

    private TikTokSandbox(SandboxState state, Vertx vertx, List<HttpServer> servers, Path uploadDirectory,
            ConsentService consent, AuthorizeValidator validator) {
        this.state = state;
        this.vertx = vertx;
        this.servers = servers;
        this.uploadDirectory = uploadDirectory;
        this.consent = consent;
        this.validator = validator;
    }

    public static TikTokSandbox start() {
        return start(SandboxConfig.defaults());
    }

    public static TikTokSandbox start(SandboxConfig config) {
        SandboxState state = new SandboxState(config);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        try {
            Path uploadDirectory = config.keepUploadedBytes() ? uploadDirectory(config) : null;
            AuthorizeValidator validator = new AuthorizeValidator(state);
            ConsentService consent = new ConsentService(state);

            Router auth = Router.router(vertx);
            auth.route().handler(BodyHandler.create(false).setBodyLimit(FORM_BODY_LIMIT));
            new AuthorizeEndpoint(state, validator, consent).bind(auth);

            Router api = Router.router(vertx);
            api.route().handler(BodyHandler.create(false).setBodyLimit(JSON_BODY_LIMIT));
            new TokenEndpoint(state, vertx).bind(api);
            new RevokeEndpoint(state, vertx).bind(api);
            ApiHost.bind(state, vertx, api, uploadDirectory);
            new AdminEndpoint(state).bind(api);

            Router upload = Router.router(vertx);
            new UploadEndpoint(state, vertx).bind(upload);

            HttpServer authServer = listen(vertx, auth, config.host(), config.authPort());
            HttpServer apiServer = listen(vertx, api, config.host(), config.apiPort());
            HttpServer uploadServer = listen(vertx, upload, config.host(), config.uploadPort());
            TikTokSandbox sandbox = new TikTokSandbox(state, vertx, List.of(authServer, apiServer, uploadServer),
                    uploadDirectory, consent, validator);
            state.uploadBaseUrl(sandbox.uploadBaseUrl());
            return sandbox;
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    private static HttpServer listen(Vertx vertx, Router router, String host, int port) {
        try {
            return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("TikTok sandbox could not listen on " + host + ":" + port, e);
        }
    }

    private static Path uploadDirectory(SandboxConfig config) {
        try {
            return config.uploadDirectory() != null ? Files.createDirectories(config.uploadDirectory())
                    : Files.createTempDirectory("tiktok-sandbox-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base of the authorize page; stands in for {@code https://www.tiktok.com}. */
    public String authBaseUrl() {
        return baseUrl(0);
    }

    /** Stands in for {@code https://open.tiktokapis.com}; OAuth token/revoke live here too, as on TikTok. */
    public String apiBaseUrl() {
        return baseUrl(1);
    }

    /** The host that upload_url values point at. */
    public String uploadBaseUrl() {
        return baseUrl(2);
    }

    private String baseUrl(int server) {
        return "http://" + state.config().host() + ":" + servers.get(server).actualPort();
    }

    /** The URL a client would send the browser to, built exactly the way TikTok documents it. */
    public String authorizeUrl(String clientKey, String redirectUri, String commaSeparatedScopes, String stateParam) {
        return authBaseUrl() + SandboxEndpoint.AUTHORIZE.path() + "?client_key=" + encode(clientKey)
                + "&scope=" + encode(commaSeparatedScopes) + "&redirect_uri=" + encode(redirectUri)
                + "&state=" + encode(stateParam) + "&response_type=code";
    }

    public SandboxConfig config() {
        return state.config();
    }

    public SandboxClock clock() {
        return state.clock();
    }

    public FaultInjector faults() {
        return state.faults();
    }

    public SandboxApp registerApp(SandboxApp app) {
        SandboxApp existing = state.apps().putIfAbsent(app.clientKey(), app);
        return existing == null ? app : existing;
    }

    public Optional<SandboxApp> app(String clientKey) {
        return state.app(clientKey);
    }

    public SandboxCreator registerCreator(SandboxCreator creator) {
        SandboxCreator existing = state.creators().putIfAbsent(creator.openId(), creator);
        return existing == null ? creator : existing;
    }

    public Optional<SandboxCreator> creator(String openId) {
        return state.creator(openId);
    }

    public Collection<SandboxCreator> creators() {
        return List.copyOf(state.creators().values());
    }

    /**
     * What the browser would be redirected to after the person on the consent page made {@code decision}. Performs the
     * same validation as the page itself.
     *
     * @throws IllegalStateException when TikTok would show an error page instead of redirecting (unknown client_key,
     *         unregistered redirect_uri)
     */
    public URI authorize(String authorizeUrl, ConsentDecision decision) {
        Map<String, String> params = queryParams(URI.create(authorizeUrl).getRawQuery());
        AuthorizeCheck check = validator.check(params::get);
        if (check instanceof AuthorizeCheck.PageError page) {
            throw new IllegalStateException("TikTok would show an error page: " + page.error() + " - " + page.description());
        }
        if (check instanceof AuthorizeCheck.RedirectError error) {
            return ConsentService.errorRedirect(error.redirectUri(), error.state(), error.error(), error.description());
        }
        return consent.decide((AuthorizeCheck.Valid) check, decision);
    }

    /** Overrides what the media check finds for an existing publish_id (only matters before processing ends). */
    public void probe(String publishId, ProbeOutcome outcome) {
        state.probeByPublishId().put(publishId, outcome);
    }

    /** The creator posts an inbox draft from the TikTok app; false when the draft is not (yet) in the inbox. */
    public boolean userPostsDraft(String publishId) {
        return state.publications().find(publishId).map(p -> p.userPosts(state.now())).orElse(false);
    }

    public Optional<PublicationSnapshot> publication(String publishId) {
        return state.publications().find(publishId).map(p -> p.snapshotAt(state.now()));
    }

    public List<PublicationSnapshot> publications() {
        return state.publications().all().stream().map(p -> p.snapshotAt(state.now())).toList();
    }

    public List<ReceivedUpload> receivedUploads() {
        return List.copyOf(state.receivedUploads());
    }

    public Optional<ReceivedUpload> receivedUpload(String publishId) {
        return state.receivedUploads().stream().filter(u -> u.publishId().equals(publishId)).findFirst();
    }

    /** Bytes committed so far for a FILE_UPLOAD, including a partial upload. */
    public long committedBytes(String publishId) {
        return state.uploadOf(publishId).map(UploadSession::committedBytes).orElse(0L);
    }

    public List<InitCall> initCalls() {
        return List.copyOf(state.initCalls());
    }

    public long initCallCount(String openId) {
        return state.initCalls().stream().filter(c -> openId.equals(c.openId())).count();
    }

    public long acceptedInitCount(String openId) {
        return state.initCalls().stream().filter(c -> openId.equals(c.openId()) && c.accepted()).count();
    }

    public long initCallCountForToken(String accessToken) {
        return state.initCalls().stream().filter(c -> accessToken.equals(c.accessToken())).count();
    }

    public List<RateLimitRefusal> rateLimitRefusals() {
        return List.copyOf(state.refusals());
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteStoredUploads();
        }
    }

    private void deleteStoredUploads() {
        if (uploadDirectory == null || state.config().uploadDirectory() != null) {
            return;
        }
        state.publications().all().stream().map(Publication::publishId).map(state::uploadOf)
                .flatMap(Optional::stream).forEach(UploadSession::discardStoredBytes);
        try {
            Files.deleteIfExists(uploadDirectory);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
