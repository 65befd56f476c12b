package io.tiktimer.auth.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records this service sends or receives over HTTP and Kafka, which Jackson reads and writes by reflection (the
 * {@code contracts} events are registered once, in service-kit's {@code ContractsRegistration}). A native image knows
 * only what is named here; the build's {@code NativeRegistrationTest} (module {@code deploy}) fails when a record is
 * added without being listed.
 * Binary names rather than class literals, because some of these records are package-private.
 */
@RegisterForReflection(classNames = {
        "io.tiktimer.auth.client.TikTokAccountsClient$Linked",
        "io.tiktimer.auth.client.TikTokAccountsRestClient$Account",
        "io.tiktimer.auth.rest.ClientCredentialsForm",
        "io.tiktimer.auth.rest.CurrentSession$Caller",
        "io.tiktimer.auth.rest.RefreshRequest",
        "io.tiktimer.auth.rest.RegisterRequest",
        "io.tiktimer.auth.rest.ServiceTokenResponse",
        "io.tiktimer.auth.rest.TokenForm",
        "io.tiktimer.auth.rest.TokenResponse",
        "io.tiktimer.auth.rest.UpdateUserRequest",
        "io.tiktimer.auth.rest.UserResponse"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
