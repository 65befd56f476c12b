package io.tiktimer.sandbox.state;

import io.tiktimer.sandbox.FaultInjector;
import io.tiktimer.sandbox.InitCall;
import io.tiktimer.sandbox.ProbeOutcome;
import io.tiktimer.sandbox.RateLimitRefusal;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxClock;
import io.tiktimer.sandbox.SandboxConfig;
import io.tiktimer.sandbox.SandboxCreator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything the three hosts share; the HTTP layers hold no state of their own. */
public final class SandboxState {
    private final SandboxConfig config;
    private final Map<String, SandboxApp> apps = new ConcurrentHashMap<>();
    private final Map<String, SandboxCreator> creators = new ConcurrentHashMap<>();
    private final TokenStore tokens = new TokenStore();
    private final PublicationStore publications = new PublicationStore();
    private final Map<String, UploadSession> uploadsById = new ConcurrentHashMap<>();
    private final Map<String, UploadSession> uploadsByPublishId = new ConcurrentHashMap<>();
    private final Map<String, ProbeOutcome> probeByPublishId = new ConcurrentHashMap<>();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final FaultInjector faults = new FaultInjector();
    private final List<ReceivedUpload> receivedUploads = new CopyOnWriteArrayList<>();
    private final List<InitCall> initCalls = new CopyOnWriteArrayList<>();
    private final List<RateLimitRefusal> refusals = new CopyOnWriteArrayList<>();

    private volatile String uploadBaseUrl;

    public SandboxState(SandboxConfig config) {
        this.config = config;
    }

    public SandboxConfig config() {
        return config;
    }

    public String uploadBaseUrl() {
        return uploadBaseUrl;
    }

    public void uploadBaseUrl(String value) {
        this.uploadBaseUrl = value;
    }

    public SandboxClock clock() {
        return config.clock();
    }

    public Instant now() {
        return config.clock().now();
    }

    public Map<String, SandboxApp> apps() {
        return apps;
    }

    public Optional<SandboxApp> app(String clientKey) {
        return clientKey == null ? Optional.empty() : Optional.ofNullable(apps.get(clientKey));
    }

    public Map<String, SandboxCreator> creators() {
        return creators;
    }

    public Optional<SandboxCreator> creator(String openId) {
        return openId == null ? Optional.empty() : Optional.ofNullable(creators.get(openId));
    }

    public TokenStore tokens() {
        return tokens;
    }

    public PublicationStore publications() {
        return publications;
    }

    public void addUpload(UploadSession session) {
        uploadsById.put(session.uploadId(), session);
        uploadsByPublishId.put(session.publication().publishId(), session);
    }

    public Optional<UploadSession> upload(String uploadId) {
        return uploadId == null ? Optional.empty() : Optional.ofNullable(uploadsById.get(uploadId));
    }

    public Optional<UploadSession> uploadOf(String publishId) {
        return Optional.ofNullable(uploadsByPublishId.get(publishId));
    }

    public Map<String, ProbeOutcome> probeByPublishId() {
        return probeByPublishId;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public FaultInjector faults() {
        return faults;
    }

    public List<ReceivedUpload> receivedUploads() {
        return receivedUploads;
    }

    public List<InitCall> initCalls() {
        return initCalls;
    }

    public List<RateLimitRefusal> refusals() {
        return refusals;
    }
}
