package io.tiktimer.auth.config;

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
        "io.tiktimer.auth.rest.CurrentSession$Caller",
        "io.tiktimer.auth.rest.RefreshRequest",
        "io.tiktimer.auth.rest.RegisterRequest",
        "io.tiktimer.auth.rest.ServiceTokenResponse",
        "io.tiktimer.auth.rest.TokenResponse",
        "io.tiktimer.auth.rest.UpdateUserRequest",
        "io.tiktimer.auth.rest.UserResponse"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
