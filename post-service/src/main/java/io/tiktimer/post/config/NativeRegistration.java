package io.tiktimer.post.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Everything Jackson reads or writes by reflection in this service: the {@code contracts} events and enums, and the
 * records sent or received over HTTP and Kafka. A native image knows only what is named here; the build's
 * {@code NativeRegistrationTest} (module {@code deploy}) fails when a record is added without being listed.
 * Binary names rather than class literals, because some of these records are package-private.
 */
@RegisterForReflection(classNames = {
        "io.tiktimer.contracts.AccountStatus",
        "io.tiktimer.contracts.MediaRef",
        "io.tiktimer.contracts.MediaType",
        "io.tiktimer.contracts.PostDue",
        "io.tiktimer.contracts.PostFailed",
        "io.tiktimer.contracts.PostMode",
        "io.tiktimer.contracts.PostPublished",
        "io.tiktimer.contracts.PostPublishing",
        "io.tiktimer.contracts.PublishOutcome",
        "io.tiktimer.contracts.TikTokAccountChanged",
        "io.tiktimer.contracts.UserDeleted",
        "io.tiktimer.post.messaging.OutboxWriter$Claimed",
        "io.tiktimer.post.rest.MediaResource$UploadRequest",
        "io.tiktimer.post.rest.MediaResource$UploadResponse",
        "io.tiktimer.post.rest.MediaResponse",
        "io.tiktimer.post.rest.PostRequest",
        "io.tiktimer.post.rest.PostResource$RetryRequest",
        "io.tiktimer.post.rest.PostResponse",
        "io.tiktimer.post.rest.TikTokPostResource$PublishResponse"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
