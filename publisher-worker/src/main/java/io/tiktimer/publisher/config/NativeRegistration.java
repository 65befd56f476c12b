package io.tiktimer.publisher.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records this service sends or receives over HTTP and Kafka, which Jackson reads and writes by reflection (the
 * {@code contracts} events are registered once, in service-kit's {@code ContractsRegistration}). A native image knows
 * only what is named here; the build's {@code NativeRegistrationTest} (module {@code deploy}) fails when a record is
 * added without being listed.
 * Binary names rather than class literals, because some of these records are package-private.
 */
@RegisterForReflection(classNames = {
        "io.tiktimer.publisher.client.AccessToken",
        "io.tiktimer.publisher.client.TikTokReply$Answered",
        "io.tiktimer.publisher.client.TikTokReply$NotSent",
        "io.tiktimer.publisher.client.TikTokReply$Unknown",
        "io.tiktimer.publisher.client.TikTokServiceRestClient$AccessTokenRequest",
        "io.tiktimer.publisher.client.TikTokServiceRestClient$ReconnectRequest",
        "io.tiktimer.publisher.client.UploadReply"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
