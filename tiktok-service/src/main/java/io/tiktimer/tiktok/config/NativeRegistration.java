package io.tiktimer.tiktok.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records this service sends or receives over HTTP and Kafka, which Jackson reads and writes by reflection (the
 * {@code contracts} events are registered once, in service-kit's {@code ContractsRegistration}). A native image knows
 * only what is named here; the build's {@code NativeRegistrationTest} (module {@code deploy}) fails when a record is
 * added without being listed.
 * Binary names rather than class literals, because some of these records are package-private.
 */
@RegisterForReflection(classNames = {
        "io.tiktimer.tiktok.client.TikTokCreatorInfo",
        "io.tiktimer.tiktok.client.TikTokTokens",
        "io.tiktimer.tiktok.client.TikTokUserInfo",
        "io.tiktimer.tiktok.rest.AccessTokenRequest",
        "io.tiktimer.tiktok.rest.AccessTokenResponse",
        "io.tiktimer.tiktok.rest.AccountResponse",
        "io.tiktimer.tiktok.rest.AuthorizeResponse",
        "io.tiktimer.tiktok.rest.CreatorInfoResponse",
        "io.tiktimer.tiktok.rest.ExchangeTokenRequest",
        "io.tiktimer.tiktok.rest.ExchangeTokenResponse",
        "io.tiktimer.tiktok.rest.InternalAccountResponse",
        "io.tiktimer.tiktok.rest.MessageResponse",
        "io.tiktimer.tiktok.rest.ReconnectRequiredRequest"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
