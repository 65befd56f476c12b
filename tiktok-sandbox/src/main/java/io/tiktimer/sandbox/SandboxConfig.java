package io.tiktimer.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settings fixed when the sandbox starts. Defaults follow TikTok's documentation; every switch exists because
 * the documentation is ambiguous or peers observed something else (see the module README).
 */
public final class SandboxConfig {
    private String host = "127.0.0.1";
    private int authPort;
    private int apiPort;
    private int uploadPort;
    private SandboxClock clock = new SandboxClock();
    private ChunkSizeUnits chunkSizeUnits = ChunkSizeUnits.STRICTEST;
    private String invalidParamsCode = "invalid_params";
    private String logIdField = "log_id";
    private int oauthErrorHttpStatus = 200;
    private boolean postingRefusalsWithHttp200;
    private Duration authorizationCodeTtl = Duration.ofMinutes(10);
    private Duration accessTokenTtl = Duration.ofHours(24);
    private Duration refreshTokenTtl = Duration.ofDays(365);
    private boolean refreshExtendsRefreshWindow;
    private Duration uploadUrlTtl = Duration.ofHours(1);
    private Duration downloadDelay = Duration.ofSeconds(1);
    private Duration processingDelay = Duration.ofSeconds(1);
    private Duration moderationDelay = Duration.ofSeconds(1);
    private PostIdPolicy postIdPolicy = PostIdPolicy.AFTER_MODERATION_FOR_PUBLIC_POSTS;
    private int titleMaxLength = 2200;
    private UnauditedPrivacyPolicy unauditedPrivacyPolicy = UnauditedPrivacyPolicy.FORCE_SELF_ONLY;
    private PendingShareMode pendingShareMode = PendingShareMode.ROLLING_24H;
    private int pendingShareCap = 5;
    private long maxVideoBytes = 4L * 1024 * 1024 * 1024;
    private long pulledVideoBytes = 10_000_000L;
    private boolean requireContentLength = true;
    private boolean keepUploadedBytes;
    private Path uploadDirectory;
    private final Map<SandboxEndpoint, Integer> requestsPerMinute = new EnumMap<>(SandboxEndpoint.class);

    public static SandboxConfig defaults() {
        return new SandboxConfig();
    }

    public String host() {
        return host;
    }

    public SandboxConfig host(String value) {
        this.host = value;
        return this;
    }

    public int authPort() {
        return authPort;
    }

    /** 0 picks a free port. */
    public SandboxConfig authPort(int value) {
        this.authPort = value;
        return this;
    }

    public int apiPort() {
        return apiPort;
    }

    public SandboxConfig apiPort(int value) {
        this.apiPort = value;
        return this;
    }

    public int uploadPort() {
        return uploadPort;
    }

    public SandboxConfig uploadPort(int value) {
        this.uploadPort = value;
        return this;
    }

    public SandboxClock clock() {
        return clock;
    }

    public SandboxConfig clock(SandboxClock value) {
        this.clock = value;
        return this;
    }

    public ChunkSizeUnits chunkSizeUnits() {
        return chunkSizeUnits;
    }

    public SandboxConfig chunkSizeUnits(ChunkSizeUnits value) {
        this.chunkSizeUnits = value;
        return this;
    }

    public String invalidParamsCode() {
        return invalidParamsCode;
    }

    /** {@code invalid_params} (general error table, seen in the wild) or {@code invalid_param} (posting tables). */
    public SandboxConfig invalidParamsCode(String value) {
        this.invalidParamsCode = value;
        return this;
    }

    public String logIdField() {
        return logIdField;
    }

    /** {@code log_id} (every example) or {@code logid} (the field tables). */
    public SandboxConfig logIdField(String value) {
        this.logIdField = value;
        return this;
    }

    public int oauthErrorHttpStatus() {
        return oauthErrorHttpStatus;
    }

    /** Undocumented by TikTok; peers see 200, so clients must read the body. */
    public SandboxConfig oauthErrorHttpStatus(int value) {
        this.oauthErrorHttpStatus = value;
        return this;
    }

    public boolean postingRefusalsWithHttp200() {
        return postingRefusalsWithHttp200;
    }

    /** The docs answer spam/cap/audit refusals of init with 403; peers report HTTP 200. */
    public SandboxConfig postingRefusalsWithHttp200(boolean value) {
        this.postingRefusalsWithHttp200 = value;
        return this;
    }

    public Duration authorizationCodeTtl() {
        return authorizationCodeTtl;
    }

    public SandboxConfig authorizationCodeTtl(Duration value) {
        this.authorizationCodeTtl = value;
        return this;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public SandboxConfig accessTokenTtl(Duration value) {
        this.accessTokenTtl = value;
        return this;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    public SandboxConfig refreshTokenTtl(Duration value) {
        this.refreshTokenTtl = value;
        return this;
    }

    public boolean refreshExtendsRefreshWindow() {
        return refreshExtendsRefreshWindow;
    }

    /** Off: a refresh never extends the 365 days counted from the first consent ("after the initial issuance"). */
    public SandboxConfig refreshExtendsRefreshWindow(boolean value) {
        this.refreshExtendsRefreshWindow = value;
        return this;
    }

    public Duration uploadUrlTtl() {
        return uploadUrlTtl;
    }

    public SandboxConfig uploadUrlTtl(Duration value) {
        this.uploadUrlTtl = value;
        return this;
    }

    public Duration downloadDelay() {
        return downloadDelay;
    }

    /** How long a PULL_FROM_URL stays in PROCESSING_DOWNLOAD (and can be cancelled). */
    public SandboxConfig downloadDelay(Duration value) {
        this.downloadDelay = value;
        return this;
    }

    public Duration processingDelay() {
        return processingDelay;
    }

    public SandboxConfig processingDelay(Duration value) {
        this.processingDelay = value;
        return this;
    }

    public Duration moderationDelay() {
        return moderationDelay;
    }

    public SandboxConfig moderationDelay(Duration value) {
        this.moderationDelay = value;
        return this;
    }

    public PostIdPolicy postIdPolicy() {
        return postIdPolicy;
    }

    public SandboxConfig postIdPolicy(PostIdPolicy value) {
        this.postIdPolicy = value;
        return this;
    }

    public int titleMaxLength() {
        return titleMaxLength;
    }

    /** 2200 UTF-16 code units in the current docs; an older copy said 150. */
    public SandboxConfig titleMaxLength(int value) {
        this.titleMaxLength = value;
        return this;
    }

    public UnauditedPrivacyPolicy unauditedPrivacyPolicy() {
        return unauditedPrivacyPolicy;
    }

    public SandboxConfig unauditedPrivacyPolicy(UnauditedPrivacyPolicy value) {
        this.unauditedPrivacyPolicy = value;
        return this;
    }

    public PendingShareMode pendingShareMode() {
        return pendingShareMode;
    }

    public SandboxConfig pendingShareMode(PendingShareMode value) {
        this.pendingShareMode = value;
        return this;
    }

    public int pendingShareCap() {
        return pendingShareCap;
    }

    public SandboxConfig pendingShareCap(int value) {
        this.pendingShareCap = value;
        return this;
    }

    public long maxVideoBytes() {
        return maxVideoBytes;
    }

    public SandboxConfig maxVideoBytes(long value) {
        this.maxVideoBytes = value;
        return this;
    }

    public long pulledVideoBytes() {
        return pulledVideoBytes;
    }

    /** The size reported as downloaded_bytes for PULL_FROM_URL, since the sandbox never fetches the URL. */
    public SandboxConfig pulledVideoBytes(long value) {
        this.pulledVideoBytes = value;
        return this;
    }

    public boolean requireContentLength() {
        return requireContentLength;
    }

    /** TikTok lists Content-Length as required on chunk PUTs; chunked transfer encoding then gets 400. */
    public SandboxConfig requireContentLength(boolean value) {
        this.requireContentLength = value;
        return this;
    }

    public boolean keepUploadedBytes() {
        return keepUploadedBytes;
    }

    /** Off: only count and SHA-256 are kept, so gigabyte uploads cost no disk. On: bytes go to a temp file. */
    public SandboxConfig keepUploadedBytes(boolean value) {
        this.keepUploadedBytes = value;
        return this;
    }

    public Path uploadDirectory() {
        return uploadDirectory;
    }

    public SandboxConfig uploadDirectory(Path value) {
        this.uploadDirectory = value;
        return this;
    }

    public int requestsPerMinute(SandboxEndpoint endpoint) {
        return requestsPerMinute.getOrDefault(endpoint, endpoint.defaultRequestsPerMinute());
    }

    /** 0 disables the limit. */
    public SandboxConfig requestsPerMinute(SandboxEndpoint endpoint, int limit) {
        requestsPerMinute.put(endpoint, limit);
        return this;
    }
}
