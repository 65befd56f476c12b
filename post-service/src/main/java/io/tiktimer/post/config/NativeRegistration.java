package io.tiktimer.post.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records this service sends or receives over HTTP and Kafka, which Jackson reads and writes by reflection (the
 * {@code contracts} events are registered once, in service-kit's {@code ContractsRegistration}). A native image knows
 * only what is named here; the build's {@code NativeRegistrationTest} (module {@code deploy}) fails when a record is
 * added without being listed.
 * Binary names rather than class literals, because some of these records are package-private.
 */
@RegisterForReflection(classNames = {
        "io.tiktimer.post.client.TikTokAccountsClient$KnownAccount",
        "io.tiktimer.post.client.TikTokAccountsRestClient$ConnectedAccount",
        "io.tiktimer.post.dispatch.PostDueWriter$Claimed",
        "io.tiktimer.post.rest.MediaResource$PreviewResponse",
        "io.tiktimer.post.rest.MediaResource$UploadRequest",
        "io.tiktimer.post.rest.MediaResource$UploadResponse",
        "io.tiktimer.post.rest.MediaResponse",
        "io.tiktimer.post.rest.PostResource$PostCounts",
        "io.tiktimer.post.rest.PostResource$RetryRequest",
        "io.tiktimer.post.rest.PostResponse",
        "io.tiktimer.post.rest.TikTokPostResource$PublishResponse",
        "io.tiktimer.post.service.PostInput"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
